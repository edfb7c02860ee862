package dev.weft.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A working in-memory twin of the process globals: captured output, no terminal, a signal trigger. */
final class FakeGlobalEnv {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final AtomicReference<Runnable> interrupt = new AtomicReference<>();
    final GlobalEnv env;

    FakeGlobalEnv(Path cwd, Map<String, String> vars) {
        env = new GlobalEnv(vars, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                cwd, false, handler -> {
                    interrupt.set(handler);
                    return () -> interrupt.set(null);
                });
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
