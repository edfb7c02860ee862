package dev.weft.output.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.metrics.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfluxLinesTest {
    private static final Tags TAGS = Tags.of("method", "GET", "name", "a b,c=d", "url", "http://x/?q=\"1\"",
            "vu", "3", "iter", "x", "group", "");

    private static String line(List<String> tagsAsFields, String precision, Sample s) {
        StringBuilder sb = new StringBuilder();
        new InfluxLines(tagsAsFields, precision).append(sb, s);
        return sb.toString();
    }

    @Test
    void tags_become_tags_and_k6s_default_fields_become_string_fields_beside_value() {
        Sample s = new Sample(Metric.trend("http_req_duration", ValueType.TIME), TAGS, 1_700_000_000_123L, 12.25);
        assertThat(line(List.of("vu", "iter", "url"), "", s)).isEqualTo(
                "http_req_duration,method=GET,name=a\\ b\\,c\\=d iter=\"x\",url=\"http://x/?q=\\\"1\\\"\",vu=\"3\","
                        + "value=12.25 1700000000123000000\n");
    }

    @Test
    void points_in_the_same_millisecond_get_distinct_sub_millisecond_times_so_influxdb_keeps_each() {
        Sample s = new Sample(Metric.counter("http_reqs"), Tags.of("method", "GET"), 1_700_000_000_123L, 1);
        InfluxLines lines = new InfluxLines(List.of(), "");
        StringBuilder sb = new StringBuilder();
        lines.append(sb, s);
        lines.append(sb, s);
        assertThat(sb.toString()).isEqualTo("http_reqs,method=GET value=1 1700000000123000000\n"
                + "http_reqs,method=GET value=1 1700000000123000001\n");
    }

    @Test
    void typed_fields_are_written_as_their_type_and_a_value_that_does_not_parse_as_a_string() {
        Sample s = new Sample(Metric.counter("http_reqs"), TAGS, 1_700_000_000_123L, 1);
        assertThat(line(List.of("vu:int", "iter:int"), "ms", s)).isEqualTo(
                "http_reqs,method=GET,name=a\\ b\\,c\\=d,url=http://x/?q\\=\"1\" iter=\"x\",vu=3i,value=1 1700000000123\n");
        assertThat(line(List.of("vu:float"), "s", s)).endsWith(" vu=3,value=1 1700000000\n");
    }

    @Test
    void a_bad_field_type_or_a_repeated_field_is_refused_with_k6s_message() {
        assertThatThrownBy(() -> InfluxLines.fieldKinds(List.of("vu:long")))
                .hasMessageContaining("an invalid type (long) is specified for an InfluxDB field (vu)");
        assertThatThrownBy(() -> InfluxLines.fieldKinds(List.of("vu", "vu:int")))
                .hasMessageContaining("a tag name (vu) shows up more than once");
    }
}
