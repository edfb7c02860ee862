package dev.weft.cli.run;

import dev.weft.cli.GlobalEnv;
import dev.weft.executor.ExecutionState;
import dev.weft.lifecycle.Phase;
import dev.weft.lifecycle.TestRun;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * k6's live progress block: the {@code running (...)} line and a bar per scenario. On a terminal
 * it is redrawn in place every 100 ms with bars sized to the terminal, and log lines go above it
 * (the block is erased before each log line and redrawn at the next tick); piped, a block is
 * printed every second with percentages. While VUs are initialised an {@code init [ 42% ]} line
 * takes its place (a slow init is not silent). The clock starts with the scenarios, as k6's.
 * The last frame, drawn at {@link #close()}, shows the final counts, the ones the summary shows.
 * Runs on its own platform thread.
 */
final class Progress implements AutoCloseable {
    /** Erases the block from the cursor (its first line) down, before a log line takes its place. */
    private static final String ERASE_BELOW = "\r\u001b[J";

    private final Thread thread;
    private final PrintStream out;
    private final boolean tty;
    private final boolean quiet;
    private final TestRun run;
    private final TestRun.Plan plan;
    private final ConsoleLog console;
    private final int termWidth;

    private Progress(PrintStream out, boolean tty, boolean quiet, TestRun run, TestRun.Plan plan,
            ConsoleLog console, int termWidth) {
        // a platform thread: VUs whose code keeps the CPU busy can hold every virtual thread carrier
        this.thread = Thread.ofPlatform().daemon().name("progress").unstarted(this::loop);
        this.out = out;
        this.tty = tty;
        this.quiet = quiet;
        this.run = run;
        this.plan = plan;
        this.console = console;
        this.termWidth = termWidth;
    }

    static Progress start(TestRun run, TestRun.Plan plan, GlobalEnv global, boolean quiet, ConsoleLog console) {
        boolean tty = global.stdoutTty();
        int width = columns(global);
        Progress live = new Progress(global.stdout(), tty, quiet, run, plan, console, width);
        if (!quiet) {
            if (tty && console != null) {
                console.beforeEachLine(ERASE_BELOW);
            }
            live.thread.start();
        }
        return live;
    }

    private void loop() {
        try {
            while (true) {
                Thread.sleep(tty ? 100 : 1000);
                draw(false);
            }
        } catch (InterruptedException e) {
            // the run is over
        }
    }

    private void draw(boolean last) {
        ExecutionState s = run.state();
        List<String> lines;
        if (s != null) {
            lines = frame(s, System.nanoTime());
        } else if (initialising(run, plan)) {
            lines = List.of(initLine(run.initialisedVus(), plan.maxVus()));
        } else {
            return;
        }
        StringBuilder b = new StringBuilder();
        if (tty) {
            for (String l : lines) {
                b.append(l).append("\u001b[K\n");
            }
            if (!last) {
                b.append("\u001b[").append(lines.size()).append('A').append('\r');
            }
        } else {
            b.append('\n');
            for (String l : lines) {
                b.append(l).append('\n');
            }
        }
        out.print(b);
        out.flush();
    }

    List<String> frame(ExecutionState s, long now) {
        List<String> lines = new ArrayList<>();
        // the test's clock, as k6's: it starts after VU initialisation
        lines.add(line(s, plan, run.elapsed()));
        int barWidth = tty ? ScenarioBars.BAR_WIDTH : 0;
        List<String> bars = ScenarioBars.render(plan.executors(), s, now, barWidth);
        if (tty) {
            // bars that don't fit the terminal are narrowed by what overflows (drawn again only then)
            int longest = bars.stream().mapToInt(String::length).max().orElse(0);
            int fitting = Math.max(0, Math.min(ScenarioBars.BAR_WIDTH, barWidth + termWidth - longest - 1));
            if (fitting != barWidth) {
                bars = ScenarioBars.render(plan.executors(), s, now, fitting);
            }
        }
        lines.addAll(bars);
        return lines;
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
        return String.format(Locale.ROOT, "running (%02dm%04.1fs), %d/%d VUs, %d complete and %d interrupted iterations",
                secs / 60, (elapsed.toMillis() % 60_000) / 1000.0, s.activeVus().get(), plan.maxVus(),
                s.completedIterations(), s.interruptedIterations());
    }

    private static int columns(GlobalEnv global) {
        try {
            return Integer.parseInt(global.env().getOrDefault("COLUMNS", "80").trim());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (quiet) {
            return;
        }
        thread.interrupt();
        thread.join();
        if (console != null) {
            console.beforeEachLine("");
        }
        draw(true);
    }
}
