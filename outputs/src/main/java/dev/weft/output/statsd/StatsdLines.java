package dev.weft.output.statsd;

import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Turns a sample into the StatsD line k6's statsd output sends through the DogStatsD client:
 * counters {@code |c} (whole), gauges {@code |g}, trends {@code |ms}, rates {@code |c}, a check
 * as {@code check.<name>.pass|fail:1|c}; with tags, {@code |#key:value,...} without empty values
 * or blocked keys. Used on the statsd pusher thread.
 */
final class StatsdLines {
    private final String namespace;
    private final boolean enableTags;
    private final Set<String> blocklist;

    StatsdLines(StatsdConfig config) {
        this.namespace = config.namespace();
        this.enableTags = config.enableTags();
        this.blocklist = config.tagBlocklist();
    }

    void append(StringBuilder sb, Sample s) {
        sb.append(namespace);
        switch (s.metric().type()) {
            case COUNTER -> sb.append(s.metric().name()).append(':').append((long) s.value()).append("|c");
            case GAUGE -> number(sb.append(s.metric().name()).append(':'), s.value()).append("|g");
            case TREND -> number(sb.append(s.metric().name()).append(':'), s.value()).append("|ms");
            case RATE -> {
                String check = s.tags() == null ? null : s.tags().get("check");
                if (check != null) {
                    sb.append("check.").append(check).append(s.value() == 0 ? ".fail" : ".pass").append(":1|c");
                } else {
                    sb.append(s.metric().name()).append(':').append((long) s.value()).append("|c");
                }
            }
        }
        if (enableTags) {
            tags(sb, s.tags());
        }
    }

    private void tags(StringBuilder sb, Tags tags) {
        if (tags == null) {
            return;
        }
        boolean first = true;
        for (int i = 0; i < tags.size(); i++) {
            String key = tags.keyAt(i);
            String value = tags.valueAt(i);
            if (value == null || value.isEmpty() || blocklist.contains(key)) {
                continue;
            }
            sb.append(first ? "|#" : ",").append(key).append(':').append(value);
            first = false;
        }
    }

    /** Go's strconv.FormatFloat(v, 'f', -1, 64): shortest digits, never an exponent. */
    static StringBuilder number(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            return sb.append((long) v);
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return sb.append(Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf");
        }
        String d = Double.toString(v);
        return d.indexOf('E') < 0 ? sb.append(d) : sb.append(new BigDecimal(d).toPlainString());
    }
}
