package dev.weft.cli.run;

import dev.weft.control.ControlServer;
import dev.weft.control.TestRunControl;
import java.io.IOException;

/**
 * Starts k6's REST control API for the run on {@code --address} (default localhost:6565; ""
 * turns it off). As in k6, when the address is the default a port already in use is logged and
 * the test goes on without it; when the script's user gave {@code --address} it is an error
 * that ends the run with exit code 106.
 */
final class ControlApi {
    private ControlApi() {
    }

    /** The control API could not listen on an address the user asked for. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    static AutoCloseable start(String address, boolean explicit, TestRunControl control, ConsoleLog console) {
        if (address == null || address.isBlank()) {
            return () -> { };
        }
        try {
            ControlServer server = ControlServer.start(address, control);
            return server::close;
        } catch (IOException | RuntimeException e) {
            String message = "control API not started on " + address + ": " + e.getMessage();
            if (explicit) {
                throw new Unavailable(message);
            }
            console.system("warn", message);
            return () -> { };
        }
    }
}
