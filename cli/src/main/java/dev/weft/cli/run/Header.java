package dev.weft.cli.run;

import dev.weft.cli.dashboard.WebDashboardOutput;
import dev.weft.executor.Executor;
import dev.weft.lifecycle.TestRun;
import dev.weft.options.K6Duration;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The run header k6 v1 prints before a test: execution, script, outputs, each scenario described as k6 does. */
public final class Header {
    private static final String WEB_DASHBOARD = WebDashboardOutput.NAME;

    private Header() {
    }

    static void print(PrintStream out, String script, List<String> outputs, TestRun.Plan plan) {
        out.println();
        out.println("     execution: local");
        out.println("        script: " + script);
        List<String> others = new ArrayList<>();
        for (String o : outputs) {
            if (o.startsWith(WEB_DASHBOARD)) {
                // k6's line for its dashboard, apart from the outputs
                out.println(" web dashboard:" + o.substring(WEB_DASHBOARD.length()));
            } else {
                others.add(o);
            }
        }
        out.println("        output: " + (others.isEmpty() ? "-" : String.join(", ", others)));
        out.println();
        out.printf(Locale.ROOT, "     scenarios: (100.00%%) %d scenario%s, %d max VUs, %s max duration (incl. graceful stop):%n",
                plan.executors().size(), plan.executors().size() == 1 ? "" : "s", plan.maxVus(),
                format(plan.maxDuration()));
        for (Executor e : sorted(plan.executors())) {
            out.println("              * " + e.scenario().name() + ": " + e.description());
        }
        out.println();
        out.flush();
    }

    /** k6's order: by start time, then by name. */
    static List<Executor> sorted(List<Executor> executors) {
        return executors.stream().sorted(Comparator.comparing((Executor e) -> e.scenario().startTime())
                .thenComparing(e -> e.scenario().name())).toList();
    }

    /** k6's duration text: 1m30s, 45s, 500ms. */
    public static String format(Duration d) {
        return K6Duration.format(d);
    }
}
