package dev.weft.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SummaryDataTest {
    private final SummaryFixture run = new SummaryFixture();
    private final JsonObject data = SummaryData.build(run.aggregates, run.groups, run.thresholds,
            SummaryOptions.defaults(), Duration.ofSeconds(10), JsonParser.parseString("{\"token\":\"x\"}"));

    @Test
    void hasK6sTopLevelShape() {
        assertThat(data.keySet()).containsExactly("root_group", "options", "state", "metrics", "setup_data");
        assertThat(data.getAsJsonObject("options").toString())
                .isEqualTo("{\"summaryTrendStats\":[\"avg\",\"min\",\"med\",\"max\",\"p(90)\",\"p(95)\"],"
                        + "\"summaryTimeUnit\":\"\",\"noColor\":false}");
        assertThat(data.getAsJsonObject("state").toString())
                .isEqualTo("{\"isStdOutTTY\":false,\"isStdErrTTY\":false,\"testRunDurationMs\":10000}");
    }

    @Test
    void rootGroupHoldsChecksAndNestedGroupsWithK6Ids() {
        JsonObject root = data.getAsJsonObject("root_group");
        assertThat(root.get("name").getAsString()).isEmpty();
        assertThat(root.get("path").getAsString()).isEmpty();
        assertThat(root.get("id").getAsString()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e"); // md5("")
        JsonObject check = root.getAsJsonArray("checks").get(0).getAsJsonObject();
        assertThat(check.toString()).isEqualTo("{\"name\":\"status is 200\",\"path\":\"::status is 200\",\"id\":\""
                + GroupTree.md5("::status is 200") + "\",\"passes\":10,\"fails\":0}");
        JsonObject my = root.getAsJsonArray("groups").get(0).getAsJsonObject();
        assertThat(my.get("path").getAsString()).isEqualTo("::my group");
        assertThat(my.getAsJsonArray("checks").get(0).getAsJsonObject().get("fails").getAsLong()).isEqualTo(5);
        JsonObject inner = my.getAsJsonArray("groups").get(0).getAsJsonObject();
        assertThat(inner.get("name").getAsString()).isEqualTo("inner");
        assertThat(inner.get("path").getAsString()).isEqualTo("::my group::inner");
        assertThat(inner.getAsJsonArray("checks")).isEmpty();
    }

    @Test
    void metricsCarryTypeContainsValuesAndThresholdResults() {
        JsonObject metrics = data.getAsJsonObject("metrics");
        assertThat(metrics.keySet()).containsExactly("checks", "data_received", "group_duration", "http_req_duration",
                "http_req_duration{expected_response:true}", "http_reqs", "vus");
        assertThat(metrics.get("http_req_duration").toString()).isEqualTo("{\"type\":\"trend\",\"contains\":\"time\","
                + "\"values\":{\"avg\":5.5,\"min\":1,\"med\":5.5,\"max\":10,\"p(90)\":9.1,\"p(95)\":9.549999999999999},"
                + "\"thresholds\":{\"p(95)<200\":{\"ok\":true}}}");
        assertThat(metrics.get("checks").toString()).isEqualTo("{\"type\":\"rate\",\"contains\":\"default\","
                + "\"values\":{\"rate\":0.75,\"passes\":15,\"fails\":5},\"thresholds\":{\"rate>0.9\":{\"ok\":false}}}");
        assertThat(metrics.getAsJsonObject("http_reqs").getAsJsonObject("values").toString())
                .isEqualTo("{\"count\":10,\"rate\":1}");
        assertThat(metrics.getAsJsonObject("vus").getAsJsonObject("values").toString())
                .isEqualTo("{\"value\":3,\"min\":1,\"max\":5}");
        assertThat(metrics.getAsJsonObject("data_received").get("contains").getAsString()).isEqualTo("data");
    }

    @Test
    void legacyExportKeysGroupsByNameAndRenamesRate() {
        JsonObject legacy = JsonParser.parseString(SummaryExport.toJsonText(data)).getAsJsonObject();
        assertThat(legacy.keySet()).containsExactly("root_group", "metrics", "setup_data");
        assertThat(legacy.getAsJsonObject("metrics").get("checks").toString())
                .isEqualTo("{\"passes\":15,\"fails\":5,\"thresholds\":{\"rate>0.9\":true},\"value\":0.75}");
        assertThat(legacy.getAsJsonObject("root_group").getAsJsonObject("groups").getAsJsonObject("my group")
                .getAsJsonObject("checks").getAsJsonObject("body ok").get("passes").getAsLong()).isEqualTo(5);
        assertThat(SummaryExport.toJsonText(data)).contains("\n    \"root_group\": {\n        \"name\": \"\",");
    }
}
