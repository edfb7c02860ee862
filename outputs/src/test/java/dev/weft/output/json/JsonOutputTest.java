package dev.weft.output.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.Output;
import dev.weft.output.OutputParams;
import dev.weft.pipeline.SamplePipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonOutputTest {
    @TempDir
    Path dir;

    private static OutputParams params(Path dir, String arg, Map<String, List<String>> thresholds, PrintStream out) {
        return new OutputParams(arg, dir, "script.js", Map.of(), 10, Duration.ofMinutes(1), thresholds, out);
    }

    private static List<String> readLines(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @ParameterizedTest(name = "{0} holds one Metric line per metric and one Point line per sample")
    @ValueSource(strings = {"out.json", "nested/out.json.gz"})
    void writesEverySamplePushedThroughThePipeline(String name) throws Exception {
        Output out = new JsonOutputFactory().create(params(dir, name,
                Map.of("http_req_duration", List.of("p(95)<200"), "http_req_duration{status:200}", List.of("max<1")),
                System.out));
        SamplePipeline pipeline = SamplePipeline.builder().output(out).flushInterval(Duration.ofMillis(5)).build();
        pipeline.start();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            pipeline.push(new Sample(i % 2 == 0 ? BuiltinMetrics.HTTP_REQS : BuiltinMetrics.HTTP_REQ_DURATION,
                    Tags.of("status", "200", "url", "http://127.0.0.1/x?a=\"b\""), 1_700_000_000_000L + i, i + 0.25));
        }
        pipeline.close();

        List<JsonObject> lines = readLines(dir.resolve(name)).stream()
                .map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        assertThat(lines.stream().filter(l -> l.get("type").getAsString().equals("Point"))).hasSize(n);
        List<JsonObject> metrics = lines.stream().filter(l -> l.get("type").getAsString().equals("Metric")).toList();
        assertThat(metrics).extracting(m -> m.get("metric").getAsString())
                .containsExactlyInAnyOrder("http_reqs", "http_req_duration");
        JsonObject duration = metrics.stream().filter(m -> m.get("metric").getAsString().equals("http_req_duration"))
                .findFirst().orElseThrow().getAsJsonObject("data");
        assertThat(duration.toString()).isEqualTo("{\"name\":\"http_req_duration\",\"type\":\"trend\","
                + "\"contains\":\"time\",\"thresholds\":[\"p(95)<200\"],\"submetrics\":[{\"name\":"
                + "\"http_req_duration{status:200}\",\"suffix\":\"status:200\",\"tags\":{\"status\":\"200\"}}]}");
        JsonObject firstPoint = lines.get(1);
        assertThat(firstPoint.getAsJsonObject("data").getAsJsonObject("tags").get("url").getAsString())
                .isEqualTo("http://127.0.0.1/x?a=\"b\"");
    }

    @Test
    void pointLinesUseK6sFieldsAndRfc3339Times() {
        JsonLines lines = new JsonLines(ZoneOffset.UTC);
        Sample s = new Sample(BuiltinMetrics.HTTP_REQS, Tags.of("method", "GET", "vu", "3", "iter", "7"),
                1_494_340_485_239L, 1);
        assertThat(lines.point(s)).isEqualTo("{\"type\":\"Point\",\"data\":{\"time\":\"2017-05-09T14:34:45.239Z\","
                + "\"value\":1,\"tags\":{\"method\":\"GET\"},\"metadata\":{\"iter\":\"7\",\"vu\":\"3\"}},"
                + "\"metric\":\"http_reqs\"}");
        assertThat(lines.metric(BuiltinMetrics.VUS, List.of(), List.of())).isEqualTo("{\"type\":\"Metric\",\"data\":"
                + "{\"name\":\"vus\",\"type\":\"gauge\",\"contains\":\"default\",\"thresholds\":[],\"submetrics\":null},"
                + "\"metric\":\"vus\"}");
    }

    @Test
    void numbersAreWrittenAsGoWritesThem() {
        assertThat(JsonLines.number(new StringBuilder(), 12345678.5).toString()).isEqualTo("12345678.5");
        assertThat(JsonLines.number(new StringBuilder(), 0.000123).toString()).isEqualTo("0.000123");
        assertThat(JsonLines.number(new StringBuilder(), 3).toString()).isEqualTo("3");
        assertThat(JsonLines.number(new StringBuilder(), Double.NaN).toString()).isEqualTo("null");
        // the fast paths: integers, and decimals Java already writes plainly
        assertThat(JsonLines.number(new StringBuilder(), -0.0).toString()).isEqualTo("0");
        assertThat(JsonLines.number(new StringBuilder(), -42).toString()).isEqualTo("-42");
        assertThat(JsonLines.number(new StringBuilder(), 9007199254740993.0).toString()).isEqualTo("9007199254740992");
        assertThat(JsonLines.number(new StringBuilder(), 1e20).toString()).isEqualTo("100000000000000000000");
        assertThat(JsonLines.number(new StringBuilder(), 0.5).toString()).isEqualTo("0.5");
        assertThat(JsonLines.number(new StringBuilder(), 1.25e-3).toString()).isEqualTo("0.00125");
        assertThat(JsonLines.number(new StringBuilder(), 9999999.75).toString()).isEqualTo("9999999.75");
        assertThat(JsonLines.number(new StringBuilder(), 1e-7).toString()).isEqualTo("1e-7");
        assertThat(JsonLines.number(new StringBuilder(), -2.5e-9).toString()).isEqualTo("-2.5e-9");
        assertThat(JsonLines.number(new StringBuilder(), 1.5e21).toString()).isEqualTo("1.5e+21");
    }

    @Test
    void noFileOrADashWritesToStdout() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Output out = new JsonOutputFactory().create(params(dir, "-", Map.of(), stdout));
        assertThat(out.description()).isEqualTo("json(stdout)");
        out.start();
        out.addMetricSamples(List.of(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, 0, 1)));
        out.stop();
        assertThat(buf.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
        stdout.println("still open");
        assertThat(stdout.checkError()).isFalse();
    }
}
