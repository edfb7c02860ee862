package dev.weft.cli.run;

import dev.weft.cli.GlobalEnv;
import dev.weft.executor.ExecutionState;
import dev.weft.lifecycle.Phase;
import dev.weft.lifecycle.TestRun;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The live progress line: on a terminal it is redrawn in place every 200 ms; otherwise a plain
 * line is printed every 5 seconds (k6's non-interactive mode), every second while VUs are
 * initialised (as k6 does; a slow init is not silent). Runs on its own platform thread.
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
        long t0 = System.nanoTime();
        // a platform thread: VUs whose init code keeps the CPU busy hold every virtual thread carrier
        Thread t = Thread.ofPlatform().daemon().name("progress").start(() -> {
            if (quiet) {
                return;
            }
            try {
                while (true) {
                    Thread.sleep(tty ? 200 : initialising(run, plan) ? 1000 : 5000);
                    ExecutionState s = run.state();
                    // as k6's: time since the test started, VU initialisation not counted
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0).minus(run.initDuration());
                    String line = s != null ? line(s, plan, elapsed)
                            : initialising(run, plan) ? initLine(run.initialisedVus(), plan.maxVus()) : null;
                    if (line != null) {
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

    private static boolean initialising(TestRun run, TestRun.Plan plan) {
        return run.phase() == Phase.INIT && run.initialisedVus() < plan.maxVus();
    }

    /** k6's init bar without the bar: {@code init [  42% ] 420/1000 VUs initialized}. */
    static String initLine(int initialised, int total) {
        int percent = total == 0 ? 100 : (int) (100L * initialised / total);
        return String.format(Locale.ROOT, "init [ %3d%% ] %d/%d VUs initialized", percent, initialised, total);
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
