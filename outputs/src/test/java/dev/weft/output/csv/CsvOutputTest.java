package dev.weft.output.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.Output;
import dev.weft.output.OutputParams;
import dev.weft.pipeline.SamplePipeline;
import java.io.IOException;
import java.io.InputStream;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvOutputTest {
    private static final String HEADER = "metric_name,timestamp,metric_value,check,error,error_code,expected_response,"
            + "group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata";

    @TempDir
    Path dir;

    private OutputParams params(String arg, Map<String, String> env) {
        return new OutputParams(arg, dir, "script.js", env, 10, Duration.ofMinutes(1), Map.of(), System.out);
    }

    private static List<String> readLines(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @ParameterizedTest(name = "{0} has a header and one row per sample")
    @ValueSource(strings = {"out.csv", "out.csv.gz"})
    void writesEverySamplePushedThroughThePipeline(String name) throws Exception {
        Output out = new CsvOutputFactory().create(params(name, Map.of()));
        SamplePipeline pipeline = SamplePipeline.builder().output(out).flushInterval(Duration.ofMillis(5)).build();
        pipeline.start();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            pipeline.push(new Sample(BuiltinMetrics.HTTP_REQS, Tags.of("status", "200", "method", "GET"),
                    1_700_000_000_000L + i, 1));
        }
        pipeline.close();
        List<String> lines = readLines(dir.resolve(name));
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines).hasSize(n + 1);
        assertThat(lines.get(1)).isEqualTo("http_reqs,1700000000,1.000000,,,,,,GET,,,,,200,,,,,");
    }

    @Test
    void valuesAreWrittenWithSixDecimalsWhateverPathWritesThem() {
        for (double v : new double[] {0, -0.0, 1, -7, 3e15, 0x1p53, 0.5, 1.0 / 3, 123.4567891, -2.5e-7, 1e300}) {
            StringBuilder sb = new StringBuilder();
            CsvRows.value(sb, v);
            assertThat(sb.toString()).as("value %s", v).isEqualTo(String.format(java.util.Locale.ROOT, "%f", v));
        }
    }

    @Test
    void rowsPutUnknownTagsInExtraTagsAndQuoteLikeGo() {
        CsvRows rows = new CsvRows("unix_milli", ZoneOffset.UTC);
        Sample s = new Sample(BuiltinMetrics.CHECKS, Tags.of("check", "status, \"ok\"", "group", "::g", "custom", "x",
                "another", "y", "vu", "2", "iter", "5"), 1_700_000_000_123L, 0.5);
        assertThat(rows.row(s)).isEqualTo("checks,1700000000123,0.500000,\"status, \"\"ok\"\"\",,,,::g,,,,,,,,,,"
                + "another=y&custom=x,iter=5&vu=2");
    }

    @ParameterizedTest(name = "timeFormat {0} writes {1}")
    @CsvSource({"unix, 1700000000", "unix_milli, 1700000000123", "unix_micro, 1700000000123000",
        "unix_nano, 1700000000123000000", "rfc3339, 2023-11-14T22:13:20Z", "rfc3339_nano, 2023-11-14T22:13:20.123Z"})
    void timeFormats(String format, String shown) {
        CsvRows rows = new CsvRows(format, ZoneOffset.UTC);
        assertThat(rows.row(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, 1_700_000_000_123L, 1)).split(",")[1])
                .isEqualTo(shown);
    }

    @Test
    void argumentsOverrideTheEnvironmentWhichOverridesDefaults() {
        assertThat(CsvConfig.from(Map.of(), "")).isEqualTo(new CsvConfig("file.csv", "unix"));
        assertThat(CsvConfig.from(Map.of("K6_CSV_FILENAME", "env.csv", "K6_CSV_TIME_FORMAT", "rfc3339"), ""))
                .isEqualTo(new CsvConfig("env.csv", "rfc3339"));
        assertThat(CsvConfig.from(Map.of("K6_CSV_FILENAME", "env.csv"), "fileName=a.csv,timeFormat=unix_nano,"
                + "saveInterval=2s")).isEqualTo(new CsvConfig("a.csv", "unix_nano"));
        assertThatThrownBy(() -> CsvConfig.from(Map.of(), "colour=red")).hasMessageContaining("unknown key");
        assertThatThrownBy(() -> CsvConfig.from(Map.of(), "timeFormat=iso")).hasMessageContaining("unknown csv time");
    }
}
