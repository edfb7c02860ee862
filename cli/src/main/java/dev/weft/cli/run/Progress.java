package dev.weft.cli.run;

import dev.weft.cli.GlobalEnv;
import dev.weft.executor.ExecutionState;
import dev.weft.lifecycle.TestRun;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The live progress line: on a terminal it is redrawn in place every 200 ms; otherwise a plain
 * line is printed every 5 seconds (k6's non-interactive mode). Its clock is the test's
 * ({@link TestRun#elapsed()}), which starts after VU init as k6's does. Runs on its own virtual thread.
 */
final class Progress implements AutoCloseable {
    private final Thread thread;
    private final PrintStream out;
    private final boolean tty;

    private Progress(Thread thread, PrintStream out, boolean tty) {
        this.thread = thread;
        this.out = out;
        this.tty = tty;
    }

    static Progress start(TestRun run, TestRun.Plan plan, GlobalEnv global, boolean quiet) {
        boolean tty = global.stdoutTty();
        PrintStream out = global.stdout();
        Thread t = Thread.ofVirtual().name("progress").start(() -> {
            if (quiet) {
                return;
            }
            long period = tty ? 200 : 5000;
            try {
                while (true) {
                    Thread.sleep(period);
                    ExecutionState s = run.state();
                    if (s != null) {
                        String line = line(s, plan, run.elapsed());
                        if (tty) {
                            out.print("\r" + line + "   ");
                        } else {
                            out.println(line);
                        }
                        out.flush();
                    }
                }
            } catch (InterruptedException e) {
                // run over
            }
        });
        return new Progress(t, out, tty);
    }

    static String line(ExecutionState s, TestRun.Plan plan, Duration elapsed) {
        long secs = elapsed.toSeconds();
        return String.format(Locale.ROOT, "running (%dm%04.1fs), %d/%d VUs, %d complete and %d interrupted iterations",
                secs / 60, (elapsed.toMillis() % 60_000) / 1000.0, s.activeVus().get(), plan.maxVus(),
                s.completedIterations(), s.interruptedIterations());
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
        if (tty) {
            out.println();
        }
    }
}
