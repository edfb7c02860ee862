package dev.weft.cli.run;

import dev.weft.executor.Executor;
import dev.weft.lifecycle.TestRun;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The run header k6 prints before a test: execution, script, outputs, scenarios. */
public final class Header {
    private Header() {
    }

    static void print(PrintStream out, String script, List<String> outputs, TestRun.Plan plan) {
        out.println();
        out.println("  execution: local");
        out.println("     script: " + script);
        out.println("     output: " + (outputs.isEmpty() ? "-" : String.join(", ", outputs)));
        out.println();
        out.printf(Locale.ROOT, "  scenarios: (100.00%%) %d scenario%s, %d max VUs, %s max duration (incl. graceful stop):%n",
                plan.executors().size(), plan.executors().size() == 1 ? "" : "s", plan.maxVus(),
                format(plan.maxDuration()));
        for (Executor e : plan.executors()) {
            out.printf(Locale.ROOT, "           * %s: %s, %d max VUs, %s max duration (exec: %s, gracefulStop: %s)%n",
                    e.scenario().name(), e.scenario().executor(), e.maxVus(), format(e.maxDuration()),
                    e.scenario().exec(), format(e.scenario().gracefulStop()));
        }
        out.println();
        out.flush();
    }

    /** k6's duration text: 1m30s, 45s, 500ms. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long h = ms / 3_600_000;
        long m = (ms / 60_000) % 60;
        double s = (ms % 60_000) / 1000.0;
        StringBuilder sb = new StringBuilder();
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            sb.append(m).append('m');
        }
        sb.append(s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)).append('s');
        return sb.toString();
    }
}
