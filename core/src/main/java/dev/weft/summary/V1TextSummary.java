package dev.weft.summary;

import dev.weft.summary.SummaryReport.CheckView;
import dev.weft.summary.SummaryReport.Checks;
import dev.weft.summary.SummaryReport.MetricView;
import dev.weft.summary.SummaryReport.Scope;
import dev.weft.summary.SummaryReport.ThresholdBlock;
import dev.weft.summary.SummaryReport.ThresholdView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders k6 v1's end-of-test summary ({@code compact} and {@code full} modes) from a
 * {@link SummaryReport}: a THRESHOLDS block with each expression and the value it was judged on,
 * TOTAL RESULTS (checks, then metrics by section: custom, HTTP, execution, network...), then
 * GROUP and SCENARIO blocks. Layout, alignment and colours follow k6 v1.3.0's summary so that
 * scripts and people reading it see the same text. Stateless; called once at the end of a run.
 */
public final class V1TextSummary {
    /** A bare line break between blocks; every other item starts a new line. */
    private static final String BREAK = "\n";
    private static final String TITLE_PREFIX = "█";
    private static final String SUBTITLE_PREFIX = "↳";
    private static final String SUCC = "✓";
    private static final String FAIL = "✗";

    private final boolean colors;
    private final List<String> stats;
    private final String timeUnit;

    private V1TextSummary(boolean colors, List<String> stats, String timeUnit) {
        this.colors = colors;
        this.stats = stats;
        this.timeUnit = timeUnit;
    }

    /**
     * The summary text without the surrounding blank lines (the CLI prints
     * {@code "\n" + text + "\n\n"}, as k6 does).
     *
     * @param enableColors ANSI colours; pass {@code !noColor && stdoutIsTty}
     */
    public static String render(SummaryReport report, SummaryOptions options, boolean enableColors) {
        return new V1TextSummary(enableColors, options.trendStats(), options.timeUnit()).renderReport(report);
    }

    /** The aggregation a threshold expression is about: {@code p(95)} of {@code "p(95)<500"}. */
    static String thresholdAggregation(String source) {
        return source.split("[=><]", 2)[0].trim();
    }

    private String renderReport(SummaryReport report) {
        List<String> items = new ArrayList<>();
        Indent top = new Indent(0);
        if (!report.thresholds().isEmpty()) {
            addSection(items, "THRESHOLDS", thresholds(report.thresholds(), top.deeper()));
        }
        List<String> total = new ArrayList<>(checks(report.total().checks(), top));
        total.addAll(metrics(report.total().sections(), top));
        addSection(items, "TOTAL RESULTS", total);
        report.groups().forEach((name, g) -> addSection(items, "GROUP: " + name, groupContent(g, top)));
        report.scenarios().forEach((name, s) -> addSection(items, "SCENARIO: " + name, groupContent(s, top)));
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            out.append(BREAK.equals(item) ? item : BREAK + item);
        }
        return out.toString();
    }

    private void addSection(List<String> items, String title, List<String> content) {
        items.add(new Indent(0).text(TITLE_PREFIX + " " + bold(title) + " " + BREAK));
        items.addAll(content);
        items.add(BREAK);
    }

    private List<String> groupContent(Scope scope, Indent at) {
        List<String> out = new ArrayList<>(checks(scope.checks(), at));
        out.addAll(metrics(scope.sections(), at));
        Indent nested = at.deeper();
        scope.groups().forEach((name, g) -> {
            out.add(nested.text(SUBTITLE_PREFIX + " " + bold("GROUP: " + name) + " " + BREAK));
            out.addAll(groupContent(g, nested));
        });
        return out;
    }

    private List<String> checks(Checks checks, Indent at) {
        if (checks == null) {
            return List.of();
        }
        Indent in = at.deeper();
        MetricColumns columns = new MetricColumns(checks.metrics(), in, stats, timeUnit);
        List<String> out = new ArrayList<>();
        for (MetricView m : checks.metrics()) {
            out.add(metricLine(m, columns, in));
        }
        out.add(BREAK);
        for (CheckView c : checks.ordered()) {
            out.add(check(c, in));
        }
        out.add(BREAK);
        return out;
    }

    private String check(CheckView c, Indent in) {
        if (c.fails() == 0) {
            return in.text(decorate(SUCC + " " + c.name(), "32"));
        }
        long percent = Math.floorDiv(100 * c.passes(), c.passes() + c.fails());
        String results = decorate(SUBTITLE_PREFIX + "  " + percent + "% — " + SUCC + " " + c.passes() + " / " + FAIL
                + " " + c.fails(), "31");
        // k6 indents the details by its base level plus one on top of the base: kept for identical text
        return in.text(decorate(FAIL + " " + c.name(), "31")) + "\n" + in.text(results, in.level() + 1);
    }

    private List<String> metrics(Map<MetricSection, List<MetricView>> sections, Indent at) {
        Indent in = at.deeper();
        List<MetricView> all = new ArrayList<>();
        sections.values().forEach(all::addAll);
        MetricColumns columns = new MetricColumns(all, in, stats, timeUnit);
        List<String> out = new ArrayList<>();
        sections.forEach((section, metrics) -> {
            out.add(in.text(bold(section.title())));
            for (MetricView m : metrics) {
                out.add(metricLine(m, columns, in));
            }
            out.add(BREAK);
        });
        return out;
    }

    private String metricLine(MetricView m, MetricColumns columns, Indent in) {
        String display = MetricColumns.displayName(m.name());
        int current = MetricColumns.width(display) + in.spaces().length();
        int dots = Math.max(3, columns.maxNameWidth() - current + 3);
        String dotted = display + decorate(".".repeat(dots) + ":", "2;37");
        return in.text(dotted + " " + ("trend".equals(m.type()) ? trendData(m, columns) : nonTrendData(m, columns)));
    }

    private String trendData(MetricView m, MetricColumns columns) {
        List<String> cols = columns.trendCells(m.name());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            String col = cols.get(i);
            parts.add(stats.get(i) + "=" + decorate(col, "36")
                    + " ".repeat(columns.trendWidth(i) - MetricColumns.width(col)));
        }
        return String.join(" ", parts);
    }

    private String nonTrendData(MetricView m, MetricColumns columns) {
        List<String> cells = columns.nonTrendCells(m.name());
        String value = cells.get(0);
        StringBuilder sb = new StringBuilder(decorate(value, "36"))
                .append(" ".repeat(columns.valueWidth() - MetricColumns.width(value)));
        List<String> extras = cells.subList(1, cells.size());
        if (extras.size() == 1) {
            sb.append(' ').append(decorate(extras.get(0), "2;36"));
        } else if (extras.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < extras.size(); i++) {
                parts.add(decorate(extras.get(i), "2;36")
                        + " ".repeat(columns.extraWidth(i) - MetricColumns.width(extras.get(i))));
            }
            sb.append(' ').append(String.join(" ", parts));
        }
        return sb.toString();
    }

    private List<String> thresholds(List<ThresholdBlock> blocks, Indent in) {
        List<MetricView> metrics = blocks.stream().map(ThresholdBlock::metric).toList();
        MetricColumns columns = new MetricColumns(metrics, in, stats, timeUnit);
        List<String> names = metrics.stream().map(MetricView::name).toList();
        List<String> out = new ArrayList<>();
        for (ThresholdBlock block : blocks) {
            String name = block.metric().name();
            int brace = name.indexOf('{');
            String parent = brace < 0 ? name : name.substring(0, brace);
            boolean nestedSub = brace >= 0 && names.contains(parent);
            Indent inner = nestedSub ? in.deeper() : in;
            out.add(inner.text(nestedSub ? name.substring(parent.length()) : name));
            for (ThresholdView t : block.thresholds()) {
                String status = t.ok() ? decorate(SUCC, "32") : decorate(FAIL, "31");
                String agg = thresholdAggregation(t.source());
                String value = decorate(agg, "37") + "=" + decorate(columns.thresholdValue(block.metric(), agg), "36");
                out.add(inner.text(status + " " + decorate("'" + t.source().trim() + "'", "37") + " " + value));
            }
            out.add(BREAK);
        }
        return out;
    }

    private String decorate(String text, String codes) {
        return colors ? "\u001b[" + codes + "m" + text + "\u001b[0m" : text;
    }

    private String bold(String text) {
        return colors ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

    /** k6's render context: a base level; text at level L is indented by (base + L) * 2 spaces. */
    record Indent(int level) {
        Indent deeper() {
            return new Indent(level + 1);
        }

        String spaces() {
            return " ".repeat((level + 1) * 2);
        }

        String text(String s) {
            return spaces() + s;
        }

        String text(String s, int at) {
            return " ".repeat((level + at) * 2) + s;
        }
    }
}
