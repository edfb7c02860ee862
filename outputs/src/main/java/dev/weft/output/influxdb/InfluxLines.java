package dev.weft.output.influxdb;

import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes samples as InfluxDB line protocol the way k6's influxdb output does: the metric name
 * is the measurement, tags (sorted, empty values left out) are tags, except those configured
 * as fields, which become typed fields beside {@code value}; the timestamp is in the configured
 * precision. Used on the influxdb pusher thread.
 *
 * <p>InfluxDB keeps one point per series and timestamp: a second point overwrites the first.
 * Weft's samples have millisecond times, so two requests of the same series within a
 * millisecond (the same tags: vu, iter and url are fields) would collapse into one. In ns and
 * us precision each point therefore gets a running sub-millisecond offset (a count of points
 * written, modulo the units in a millisecond), so points stay distinct and within their
 * millisecond; with ms or coarser precision they collide as they do with k6.
 */
final class InfluxLines {
    /** How a tag-as-field is typed; a value that does not parse is written as a string, as k6 does. */
    enum FieldKind { STRING, INT, FLOAT, BOOL }

    private final Map<String, FieldKind> fieldKinds;
    private final String precision;
    private long written;

    InfluxLines(List<String> tagsAsFields, String precision) {
        this.fieldKinds = fieldKinds(tagsAsFields);
        this.precision = precision;
    }

    /** Parses {@code name[:type]} entries; @throws IllegalArgumentException for a bad type or a repeat */
    static Map<String, FieldKind> fieldKinds(List<String> tagsAsFields) {
        Map<String, FieldKind> kinds = new LinkedHashMap<>();
        for (String entry : tagsAsFields) {
            int colon = entry.indexOf(':');
            String name = colon < 0 ? entry : entry.substring(0, colon);
            String type = colon < 0 || colon == entry.length() - 1 ? "string" : entry.substring(colon + 1);
            if (kinds.containsKey(name)) {
                throw new IllegalArgumentException("K6_INFLUXDB_TAGS_AS_FIELDS: a tag name (" + name
                        + ") shows up more than once in InfluxDB field type configurations");
            }
            kinds.put(name, switch (type) {
                case "string" -> FieldKind.STRING;
                case "int" -> FieldKind.INT;
                case "float" -> FieldKind.FLOAT;
                case "bool" -> FieldKind.BOOL;
                default -> throw new IllegalArgumentException("K6_INFLUXDB_TAGS_AS_FIELDS: an invalid type (" + type
                        + ") is specified for an InfluxDB field (" + name + ")");
            });
        }
        return kinds;
    }

    void append(StringBuilder sb, Sample s) {
        escape(sb, s.metric().name(), false);
        Tags tags = s.tags() == null ? Tags.EMPTY : s.tags();
        for (int i = 0; i < tags.size(); i++) {
            String key = tags.keyAt(i);
            String value = tags.valueAt(i);
            if (value == null || value.isEmpty() || fieldKinds.containsKey(key)) {
                continue;
            }
            escape(sb.append(','), key, true);
            escape(sb.append('='), value, true);
        }
        sb.append(' ');
        for (int i = 0; i < tags.size(); i++) {
            FieldKind kind = fieldKinds.get(tags.keyAt(i));
            if (kind != null && tags.valueAt(i) != null) {
                escape(sb, tags.keyAt(i), true).append('=');
                field(sb, kind, tags.valueAt(i));
                sb.append(',');
            }
        }
        sb.append("value=");
        number(sb, s.value());
        sb.append(' ').append(timestamp(s.timeMillis())).append('\n');
    }

    private static void field(StringBuilder sb, FieldKind kind, String text) {
        try {
            switch (kind) {
                case INT -> {
                    sb.append(Long.parseLong(text)).append('i');
                    return;
                }
                case FLOAT -> {
                    number(sb, Double.parseDouble(text));
                    return;
                }
                case BOOL -> {
                    Boolean b = switch (text) {
                        case "1", "t", "T", "TRUE", "true", "True" -> true;
                        case "0", "f", "F", "FALSE", "false", "False" -> false;
                        default -> null;
                    };
                    if (b != null) {
                        sb.append(b);
                        return;
                    }
                }
                case STRING -> { }
            }
        } catch (NumberFormatException e) {
            // written as a string below, as k6 does with a value that does not parse
        }
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** A float field: shortest digits, as Go's FormatFloat(v, 'f', -1, 64); NaN/Inf are not allowed. */
    private static void number(StringBuilder sb, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            sb.append('0');
        } else if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            sb.append((long) v);
        } else {
            String d = Double.toString(v);
            sb.append(d.indexOf('E') < 0 ? d : new java.math.BigDecimal(d).toPlainString());
        }
    }

    private long timestamp(long millis) {
        return switch (precision) {
            case "", "ns" -> TimeUnit.MILLISECONDS.toNanos(millis) + written++ % 1_000_000;
            case "us", "µs" -> TimeUnit.MILLISECONDS.toMicros(millis) + written++ % 1_000;
            case "ms" -> millis;
            case "s" -> millis / 1000;
            case "m" -> millis / 60_000;
            case "h" -> millis / 3_600_000;
            default -> throw new IllegalStateException("precision " + precision);
        };
    }

    /** Line-protocol escaping: measurement names escape comma and space; keys and tag values also '='. */
    private static StringBuilder escape(StringBuilder sb, String s, boolean equalsToo) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ' ' || (equalsToo && c == '=')) {
                sb.append('\\');
            } else if (c == '\n') {
                sb.append("\\n");
                continue;
            }
            sb.append(c);
        }
        return sb;
    }
}
