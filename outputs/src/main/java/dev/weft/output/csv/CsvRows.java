package dev.weft.output.csv;

import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Formats the header and sample rows of k6's CSV output; used on the csv writer thread. */
final class CsvRows {
    /** k6's default system tags that get their own column, sorted. */
    static final List<String> TAG_COLUMNS = List.of("check", "error", "error_code", "expected_response", "group",
            "method", "name", "proto", "scenario", "service", "status", "subproto", "tls_version", "url");
    private static final List<String> METADATA_KEYS = List.of("vu", "iter");

    private final String timeFormat;
    private final DateTimeFormatter rfc3339;

    CsvRows(String timeFormat, ZoneId zone) {
        this.timeFormat = timeFormat;
        this.rfc3339 = (timeFormat.equals("rfc3339")
                ? DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX") : DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .withZone(zone);
    }

    String header() {
        return "metric_name,timestamp,metric_value," + String.join(",", TAG_COLUMNS) + ",extra_tags,metadata";
    }

    String row(Sample s) {
        StringBuilder sb = new StringBuilder(160);
        field(sb, s.metric().name()).append(',').append(time(s.timeMillis())).append(',');
        value(sb, s.value());
        Tags tags = s.tags();
        for (String column : TAG_COLUMNS) {
            sb.append(',');
            String v = tags.get(column);
            if (v != null) {
                field(sb, v);
            }
        }
        StringBuilder extra = new StringBuilder();
        StringBuilder metadata = new StringBuilder();
        for (int i = 0; i < tags.size(); i++) {
            String key = tags.keyAt(i);
            if (TAG_COLUMNS.contains(key)) {
                continue;
            }
            StringBuilder target = METADATA_KEYS.contains(key) ? metadata : extra;
            if (!target.isEmpty()) {
                target.append('&');
            }
            target.append(key).append('=').append(tags.valueAt(i));
        }
        sb.append(',');
        field(sb, extra.toString()).append(',');
        return field(sb, metadata.toString()).toString();
    }

    /** k6's {@code %f}: six decimals; whole values (counters, rates) without the formatter's cost. */
    static void value(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            if (v == 0 && 1 / v < 0) {
                sb.append('-'); // %f keeps the sign of -0.0
            }
            sb.append((long) v).append(".000000");
        } else {
            sb.append(String.format(Locale.ROOT, "%f", v));
        }
    }

    private String time(long millis) {
        return switch (timeFormat) {
            case "unix_milli" -> Long.toString(millis);
            case "unix_micro" -> Long.toString(millis * 1_000);
            case "unix_nano" -> Long.toString(millis * 1_000_000);
            case "rfc3339", "rfc3339_nano" -> rfc3339.format(Instant.ofEpochMilli(millis));
            default -> Long.toString(Math.floorDiv(millis, 1000));
        };
    }

    /** Quotes a field the way Go's encoding/csv does when it has to. */
    static StringBuilder field(StringBuilder sb, String value) {
        boolean quote = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(0) == '\t'
                || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r'));
        if (!quote) {
            return sb.append(value);
        }
        return sb.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
