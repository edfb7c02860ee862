package dev.weft.cli.run;

import dev.weft.executor.ConstantArrivalRate;
import dev.weft.executor.ExecutionState;
import dev.weft.executor.Executor;
import dev.weft.executor.PerVuIterations;
import dev.weft.executor.RampingArrivalRate;
import dev.weft.executor.ScenarioProgress;
import dev.weft.executor.SharedIterations;
import dev.weft.executor.Stage;
import dev.weft.options.K6Duration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * k6 v1's per-scenario progress lines under the {@code running (...)} line:
 * {@code default   [ 42% ] 10/10 VUs  11.1s/30s} while running and {@code default ✓ [ 100% ] 10 VUs  30s}
 * at the end; on a terminal the bracket is a bar ({@code [=====>-----]}). Each executor's right
 * columns are the ones k6 shows for it; columns line up across scenarios. Called by
 * {@link Progress} on its thread; stateless.
 */
final class ScenarioBars {
    /** k6's widest bar and its narrowest. */
    static final int BAR_WIDTH = 40;
    private static final int MIN_WIDTH = 8;
    private static final int MAX_LEFT = 30;

    private ScenarioBars() {
    }

    /** A rendered bar before alignment: status mark, fraction done and right columns. */
    record Bar(String left, char status, double progress, List<String> right) {
    }

    static List<String> render(List<Executor> executors, ExecutionState state, long nowNanos, int barWidth) {
        List<Bar> bars = new ArrayList<>();
        for (Executor e : Header.sorted(executors)) {
            bars.add(bar(e, state.progress(e.scenario().name()), nowNanos));
        }
        return align(bars, barWidth);
    }

    static List<String> align(List<Bar> bars, int barWidth) {
        int maxLeft = "init".length();
        int[] columns = new int[2];
        for (Bar b : bars) {
            maxLeft = Math.max(maxLeft, Math.min(MAX_LEFT, b.left().length()));
            for (int i = 0; i < b.right().size() - 1 && i < columns.length; i++) {
                columns[i] = Math.max(columns[i], b.right().get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (Bar b : bars) {
            String left = b.left().length() > maxLeft ? b.left().substring(0, maxLeft - 3) + "..." : b.left();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + maxLeft + "s", left))
                    .append(' ').append(b.status()).append(' ').append(progress(b.progress(), barWidth));
            for (int i = 0; i < b.right().size(); i++) {
                int pad = i < columns.length ? columns[i] : 0;
                line.append(String.format(Locale.ROOT, " %-" + (pad + 1) + "s", b.right().get(i)));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** k6's bracket: a bar of {@code width} (2 for the brackets) or, when narrower than 8, a percentage. */
    static String progress(double fraction, int width) {
        double p = Math.max(0, Math.min(1, fraction));
        if (width <= MIN_WIDTH) {
            return String.format(Locale.ROOT, "[ %3.0f%% ]", p * 100);
        }
        int space = width - 2;
        int filled = (int) (space * p);
        String fill = filled <= 0 ? "" : filled < space ? "=".repeat(filled - 1) + ">" : "=".repeat(filled);
        return "[" + fill + "-".repeat(Math.max(0, space - filled)) + "]";
    }

    private static Bar bar(Executor e, ScenarioProgress p, long now) {
        char status = !p.started() ? '•' : p.ended() ? (p.interrupted() ? '✗' : '✓') : ' ';
        Duration spent = Duration.ofNanos(p.elapsedNanos(now));
        Duration total = e.maxDuration();
        String name = e.scenario().name();
        int vus = e.maxVus();
        long done = p.completedIterations();
        double timeShare = total.isZero() ? 1 : Math.min(1, spent.toNanos() / (double) total.toNanos());
        String timeCol = spent.compareTo(total) > 0 ? K6Duration.format(total)
                : fixedLength(spent, total) + "/" + K6Duration.format(total);
        return switch (e.scenario().executor()) {
            case "shared-iterations" -> {
                long iters = ((SharedIterations) e).iterations();
                String f = intFormat(iters);
                yield new Bar(name, status, iters == 0 ? 1 : done / (double) iters, List.of(
                        String.format(Locale.ROOT, intFormat(vus) + " VUs", vus),
                        fixedLength(spent, total) + "/" + K6Duration.format(total),
                        String.format(Locale.ROOT, f + "/" + f + " shared iters", done, iters)));
            }
            case "per-vu-iterations" -> {
                long per = ((PerVuIterations) e).config().iterations();
                long iters = per * vus;
                String f = intFormat(iters);
                yield new Bar(name, status, iters == 0 ? 1 : done / (double) iters, List.of(
                        String.format(Locale.ROOT, intFormat(vus) + " VUs", vus), timeCol,
                        String.format(Locale.ROOT, f + "/" + f + " iters, %d per VU", done, iters, per)));
            }
            case "ramping-vus", "externally-controlled" -> new Bar(name, status, timeShare, List.of(
                    String.format(Locale.ROOT, intFormat(vus) + "/" + intFormat(vus) + " VUs", p.busyVus(), vus),
                    timeCol));
            case "constant-arrival-rate", "ramping-arrival-rate" -> new Bar(name, status, timeShare, List.of(
                    String.format(Locale.ROOT, intFormat(vus) + "/" + intFormat(vus) + " VUs", p.busyVus(), vus),
                    timeCol, ratePerSecond(e)));
            default -> new Bar(name, status, timeShare, List.of(vus + " VUs", timeCol));
        };
    }

    private static String ratePerSecond(Executor e) {
        double perSecond;
        if (e instanceof ConstantArrivalRate c) {
            perSecond = c.config().rate() * 1e9 / c.config().timeUnit().toNanos();
        } else {
            RampingArrivalRate r = (RampingArrivalRate) e;
            long max = r.config().startRate();
            for (Stage s : r.config().stages()) {
                max = Math.max(max, s.target());
            }
            perSecond = max * 1e9 / r.config().timeUnit().toNanos();
        }
        int digits = perSecond >= 10 ? 1 + (int) Math.log10(perSecond) : 1;
        return String.format(Locale.ROOT, "%0" + (digits + 3) + ".2f iters/s", perSecond);
    }

    /** k6's zero-padded width for numbers up to {@code max}. */
    private static String intFormat(long max) {
        return "%0" + Long.toString(Math.max(0, max)).length() + "d";
    }

    /**
     * k6's fixed-length elapsed time, so columns don't jump: {@code 1.0s} under a 2s total,
     * {@code 00m00.2s} under 10m0s, {@code 0h00m05.0s} under an hour or more.
     */
    static String fixedLength(Duration d, Duration max) {
        long tenths = Math.round(d.toMillis() / 100.0);
        long maxMillis = Math.max(max.toMillis(), d.toMillis());
        String s = String.format(Locale.ROOT, "%d.%ds", (tenths / 10) % 60, tenths % 10);
        if (maxMillis < 10_000) {
            return s;
        }
        s = String.format(Locale.ROOT, "%02d.%ds", (tenths / 10) % 60, tenths % 10);
        if (maxMillis < 60_000) {
            return s;
        }
        long minutes = tenths / 600;
        if (maxMillis < 600_000) {
            return (minutes % 60) + "m" + s;
        }
        if (maxMillis < 3_600_000) {
            return String.format(Locale.ROOT, "%02dm", minutes % 60) + s;
        }
        return (minutes / 60) + "h" + String.format(Locale.ROOT, "%02dm", minutes % 60) + s;
    }
}
