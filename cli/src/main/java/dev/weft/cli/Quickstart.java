package dev.weft.cli;

import dev.weft.cli.run.RunCommand;
import dev.weft.cli.run.RunFlags;
import dev.weft.target.TargetServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code weft quickstart [run flags]}: starts the built-in target on a free loopback port and
 * runs {@code examples/quickstart.js} against it (BASE_URL in __ENV) — a real load test with no
 * network and no set-up.
 */
final class Quickstart {
    private final GlobalEnv global;

    Quickstart(GlobalEnv global) {
        this.global = global;
    }

    int run(List<String> extraFlags) throws UsageException, InterruptedException {
        Path script = global.cwd().resolve("examples/quickstart.js");
        if (!Files.isRegularFile(script)) {
            throw new UsageException("examples/quickstart.js not found: run weft quickstart from the Weft folder");
        }
        try (TargetServer target = TargetServer.startOnLoopback()) {
            global.stdout().println("built-in target listening on " + target.baseUrl());
            List<String> args = new ArrayList<>(extraFlags);
            args.add("-e");
            args.add("BASE_URL=" + target.baseUrl());
            args.add(script.toString());
            return new RunCommand(global).run(RunFlags.parse(args));
        } catch (IOException e) {
            global.stderr().println("ERRO[0000] can't start the built-in target: " + e.getMessage());
            return 1;
        }
    }
}
