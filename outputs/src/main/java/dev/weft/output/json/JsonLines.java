package dev.weft.output.json;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds the two kinds of line k6's JSON output writes. Stateless apart from the time zone;
 * used on the json output's writer thread.
 */
final class JsonLines {
    /** Keys k6 keeps as sample metadata rather than tags. */
    static final List<String> METADATA_KEYS = List.of("iter", "vu");

    private final DateTimeFormatter timeFormat;
    private long lastMillis;
    private String lastTime;

    JsonLines(ZoneId zone) {
        this.timeFormat = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    /**
     * {@code {"type":"Metric","data":{"name","type","contains","thresholds":[...],"submetrics":[...]|null},
     * "metric":name}}.
     *
     * @param thresholds expressions set on the metric itself
     * @param submetrics threshold keys {@code name{...}} of sub-metrics of this metric
     */
    String metric(Metric m, List<String> thresholds, List<String> submetrics) {
        StringBuilder sb = new StringBuilder(256).append("{\"type\":\"Metric\",\"data\":{\"name\":");
        string(sb, m.name()).append(",\"type\":\"").append(m.type().k6Name()).append("\",\"contains\":\"")
                .append(m.valueType().k6Name()).append("\",\"thresholds\":[");
        for (int i = 0; i < thresholds.size(); i++) {
            string(i > 0 ? sb.append(',') : sb, thresholds.get(i));
        }
        sb.append("],\"submetrics\":");
        if (submetrics.isEmpty()) {
            sb.append("null");
        } else {
            sb.append('[');
            for (int i = 0; i < submetrics.size(); i++) {
                submetric(i > 0 ? sb.append(',') : sb, submetrics.get(i));
            }
            sb.append(']');
        }
        sb.append("},\"metric\":");
        return string(sb, m.name()).append('}').toString();
    }

    private void submetric(StringBuilder sb, String key) {
        String suffix = key.substring(key.indexOf('{') + 1, key.length() - 1);
        sb.append("{\"name\":");
        string(sb, key).append(",\"suffix\":");
        string(sb, suffix).append(",\"tags\":{");
        boolean first = true;
        for (String pair : suffix.split(",")) {
            int colon = pair.indexOf(':');
            if (pair.isBlank()) {
                continue;
            }
            string(first ? sb : sb.append(','), strip(colon < 0 ? pair : pair.substring(0, colon))).append(':');
            string(sb, colon < 0 ? "" : strip(pair.substring(colon + 1)));
            first = false;
        }
        sb.append("}}");
    }

    private static String strip(String s) {
        return s.trim().replaceAll("^[\"']+|[\"']+$", "");
    }

    /** {@code {"type":"Point","data":{"time","value","tags":{...}[,"metadata":{...}]},"metric":name}}. */
    String point(Sample s) {
        StringBuilder sb = new StringBuilder(192).append("{\"type\":\"Point\",\"data\":{\"time\":\"")
                .append(time(s.timeMillis())).append("\",\"value\":");
        number(sb, s.value()).append(",\"tags\":{");
        boolean first = true;
        boolean hasMetadata = false;
        Tags tags = s.tags();
        for (int i = 0; i < tags.size(); i++) {
            String key = tags.keyAt(i);
            if (METADATA_KEYS.contains(key)) {
                hasMetadata = true;
                continue;
            }
            string(first ? sb : sb.append(','), key).append(':');
            string(sb, tags.valueAt(i));
            first = false;
        }
        sb.append('}');
        if (hasMetadata) {
            sb.append(",\"metadata\":{");
            first = true;
            for (String key : METADATA_KEYS) {
                String v = s.tags().get(key);
                if (v != null) {
                    string(first ? sb : sb.append(','), key).append(':');
                    string(sb, v);
                    first = false;
                }
            }
            sb.append('}');
        }
        sb.append("},\"metric\":");
        return string(sb, s.metric().name()).append('}').toString();
    }

    /** The sample time as text; samples come in bursts within one millisecond, so the last is kept. */
    private String time(long millis) {
        if (millis != lastMillis || lastTime == null) {
            lastTime = timeFormat.format(Instant.ofEpochMilli(millis));
            lastMillis = millis;
        }
        return lastTime;
    }

    /** A number as Go's encoder writes it: integers without a fraction, no NaN (null). */
    static StringBuilder number(StringBuilder sb, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return sb.append("null");
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e21) {
            return Math.abs(v) < 0x1p53 ? sb.append((long) v) : sb.append(new BigDecimal(v).toPlainString());
        }
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e7) {
            return sb.append(Double.toString(v)); // plain notation already in this range
        }
        if (abs >= 1e-6 && abs < 1e21) {
            return sb.append(new BigDecimal(Double.toString(v)).toPlainString());
        }
        // Go's 'e' form: shortest digits, no ".0" on a whole mantissa, a signed exponent ("1e-7", "1.5e+21")
        String d = Double.toString(v);
        int e = d.indexOf('E');
        String mantissa = d.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        String exponent = d.substring(e + 1);
        return sb.append(mantissa).append('e').append(exponent.startsWith("-") ? "" : "+").append(exponent);
    }

    static StringBuilder string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
