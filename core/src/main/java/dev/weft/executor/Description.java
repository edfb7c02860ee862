package dev.weft.executor;

import dev.weft.options.K6Duration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The pieces of k6's scenario descriptions ({@code GetDescription}) shared by every executor:
 * the facts in brackets (the executor's own, then {@code exec}, {@code startTime},
 * {@code gracefulStop}), durations as Go prints them and rates with two decimals.
 */
final class Description {
    private Description() {
    }

    /** {@code " (maxDuration: 10m0s, exec: other, gracefulStop: 30s)"}, or "" with no facts. */
    static String baseInfo(Scenario scenario, String... own) {
        List<String> facts = new ArrayList<>(Arrays.asList(own));
        if (scenario.exec() != null && !scenario.exec().equals("default")) {
            facts.add("exec: " + scenario.exec());
        }
        if (scenario.startTime() != null && scenario.startTime().compareTo(Duration.ZERO) > 0) {
            facts.add("startTime: " + K6Duration.format(scenario.startTime()));
        }
        if (scenario.gracefulStop() != null && scenario.gracefulStop().compareTo(Duration.ZERO) > 0) {
            facts.add("gracefulStop: " + K6Duration.format(scenario.gracefulStop()));
        }
        return facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")";
    }

    static String duration(Duration d) {
        return K6Duration.format(d);
    }

    /** Iterations per second with two decimals, as k6's {@code %.2f}. */
    static String perSecond(double rate, Duration timeUnit) {
        return String.format(Locale.ROOT, "%.2f", rate * 1e9 / timeUnit.toNanos());
    }

    /** {@code "maxVUs: 5"} or {@code "maxVUs: 5-10"}. */
    static String maxVus(int preAllocated, int max) {
        return "maxVUs: " + preAllocated + (max > preAllocated ? "-" + max : "");
    }

    static Duration total(List<Stage> stages) {
        Duration sum = Duration.ZERO;
        for (Stage s : stages) {
            sum = sum.plus(s.duration());
        }
        return sum;
    }
}
