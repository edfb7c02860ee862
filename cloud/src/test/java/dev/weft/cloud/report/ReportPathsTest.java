package dev.weft.cloud.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportPathsTest {
    @Test
    void valuesAreEncodedAsJavaScriptsEncodeURIComponentDoes() {
        assertThat(ReportPaths.encode("p(95)")).isEqualTo("p(95)");
        assertThat(ReportPaths.encode("a b&c=d/é")).isEqualTo("a%20b%26c%3Dd%2F%C3%A9");
        assertThat(ReportPaths.encode("-_.!~*'")).isEqualTo("-_.!~*'");
    }

    @Test
    void aSeriesPathHasThePagesParameterOrderWithTagFiltersByKeyAndItsKeyIsTheDecodedForm() {
        ReportPaths.ApiPath p = ReportPaths.series(3, "http_req_duration", "p(95)", null,
                Map.of("status", "200", "name", "http://h/x?a=1&b=2", "method", "GET"));

        assertThat(p.key()).isEqualTo("/api/runs/3/series?metric=http_req_duration&stat=p(95)&points=600"
                + "&tag.method=GET&tag.name=http://h/x?a=1&b=2&tag.status=200");
        assertThat(p.uri()).isEqualTo("/api/runs/3/series?metric=http_req_duration&stat=p(95)&points=600"
                + "&tag.method=GET&tag.name=http%3A%2F%2Fh%2Fx%3Fa%3D1%26b%3D2&tag.status=200");
    }

    @Test
    void aSubmetricThresholdIsChartedAsItsMetricFilteredByItsTags() {
        var paths = ReportPaths.thresholdCharts(5, JsonParser.parseString("""
                [{"metric":"http_reqs{name:home, method:GET}","stat":"count"},{"metric":"work_ms","stat":"avg"},
                 {"metric":"checks","stat":"rate"},{"metric":"x","stat":"weird"}]"""));

        assertThat(paths).extracting(ReportPaths.ApiPath::key).containsExactly(
                "/api/runs/5/series?metric=http_reqs&stat=count&points=600&tag.method=GET&tag.name=home",
                "/api/runs/5/series?metric=work_ms&stat=avg&points=600",
                "/api/runs/5/series?metric=checks&stat=rate&points=600",
                "/api/runs/5/series?metric=x&stat=value&points=600");
    }
}
