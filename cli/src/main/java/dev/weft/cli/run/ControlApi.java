package dev.weft.cli.run;

import dev.weft.control.ControlServer;
import dev.weft.control.TestRunControl;
import java.io.IOException;

/**
 * Starts k6's REST control API for the run on {@code --address} (default localhost:6565; ""
 * turns it off). As in k6 0.4x, a port already in use is logged and the test goes on without it.
 */
final class ControlApi {
    private ControlApi() {
    }

    static AutoCloseable start(String address, TestRunControl control, ConsoleLog console) {
        if (address == null || address.isBlank()) {
            return () -> { };
        }
        try {
            ControlServer server = ControlServer.start(address, control);
            return server::close;
        } catch (IOException | RuntimeException e) {
            console.system("warn", "control API not started on " + address + ": " + e.getMessage());
            return () -> { };
        }
    }
}
