package dev.weft.output.cloud;

import static dev.weft.output.cloud.ServiceFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.OutputParams;
import dev.weft.output.RunStatus;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cloud output streaming into the real results service, in-process, over loopback HTTP. */
class CloudOutputStreamingTest {
    @TempDir
    Path dir;

    ServiceFixture fixture;
    CloudOutput output;

    @AfterEach
    void tearDown() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private CloudOutput output(String host, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("K6_CLOUD_HOST", host);
        env.put("K6_CLOUD_TOKEN", fixture.token);
        env.put("K6_CLOUD_METRIC_PUSH_INTERVAL", "100ms");
        env.put("WEFT_CLOUD_MAX_BACKOFF", "200ms");
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.putAll(extra);
        OutputParams params = new OutputParams("", dir, "scripts/smoke.js", env, 10, Duration.ofSeconds(30),
                Map.of("http_req_duration", List.of("p(95)<500")), new PrintStream(new ByteArrayOutputStream()));
        return new CloudOutput(CloudConfig.resolve(env), params, Clock.systemUTC());
    }

    /** One "request": http_reqs, its duration and failure flag, plus the VU gauge. */
    private static List<Sample> requests(int n) {
        long now = System.currentTimeMillis();
        Tags tags = Tags.of("status", "200", "method", "GET");
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(new Sample(BuiltinMetrics.HTTP_REQS, tags, now, 1));
            samples.add(new Sample(BuiltinMetrics.HTTP_REQ_DURATION, tags, now, 10 + i % 50));
            samples.add(new Sample(BuiltinMetrics.HTTP_REQ_FAILED, tags, now, 0));
        }
        samples.add(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, now, 10));
        return samples;
    }

    @Test
    void aStreamedRunIsRunningShowsItsDataAndEndsFinished() throws Exception {
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofMinutes(2));
        output = output(fixture.service.baseUrl(), Map.of());

        output.start();
        String id = output.referenceId();
        assertThat(output.description()).isEqualTo("cloud (" + fixture.service.baseUrl() + "/runs/" + id + ")");
        assertThat(fixture.state(id)).isEqualTo("RUNNING");

        output.addMetricSamples(requests(500));
        eventually(Duration.ofSeconds(10), "data visible", () -> total(id) == 500);
        output.addMetricSamples(requests(300));
        output.stop();

        assertThat(fixture.state(id)).isEqualTo("FINISHED");
        assertThat(total(id)).isEqualTo(800);
        assertThat(fixture.run(id).getAsJsonObject("run").get("run_status").getAsInt()).isEqualTo(3);
        assertThat(output.stats().totalDroppedSamples()).isZero();
        assertThat(output.stats().confirmedSamples()).isEqualTo(output.stats().measuredSamples());
    }

    @Test
    void aUserAbortStillEndsFinished() throws Exception {
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofMinutes(2));
        output = output(fixture.service.baseUrl(), Map.of());
        output.start();
        output.addMetricSamples(requests(10));

        output.setRunStatus(RunStatus.ABORTED_USER);
        output.stop();

        assertThat(fixture.state(output.referenceId())).isEqualTo("FINISHED");
        assertThat(fixture.run(output.referenceId()).getAsJsonObject("run").get("run_status").getAsInt()).isEqualTo(5);
    }

    @Test
    void aServiceRestartMidRunLosesNoDataAndTheRunEndsFinished() throws Exception {
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofMinutes(2));
        int port = fixture.service.port();
        output = output(fixture.service.baseUrl(), Map.of());
        output.start();
        String id = output.referenceId();
        output.addMetricSamples(requests(100));
        eventually(Duration.ofSeconds(10), "first data", () -> total(id) == 100);

        fixture.stop();
        output.addMetricSamples(requests(200));
        eventually(Duration.ofSeconds(10), "a failed send", () -> output.stats().failedAttempts() > 0);
        output.addMetricSamples(requests(50));
        fixture.restart(port);
        output.addMetricSamples(requests(25));
        eventually(Duration.ofSeconds(15), "all data after restart", () -> total(id) == 375);
        assertThat(fixture.state(id)).isEqualTo("RUNNING");
        output.stop();

        assertThat(fixture.state(id)).isEqualTo("FINISHED");
        assertThat(total(id)).isEqualTo(375);
        assertThat(output.stats().totalDroppedSamples()).isZero();
    }

    @Test
    void whenTheServiceNeverComesBackTheRunTimesOutWithWhatCameBefore() throws Exception {
        // 5 s, not less: on a loaded 2-core CI machine the first per-second batch can take over
        // 2 s to land, and a run that times out before it would refuse it
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofSeconds(5));
        TcpRelay relay = new TcpRelay(fixture.service.port());
        output = output(relay.url(), Map.of("WEFT_CLOUD_STOP_TIMEOUT", "1s"));
        output.start();
        String id = output.referenceId();
        output.addMetricSamples(requests(40));
        eventually(Duration.ofSeconds(10), "first data", () -> total(id) == 40);

        relay.cut();
        output.addMetricSamples(requests(60));
        eventually(Duration.ofSeconds(30), "run timed out", () -> "TIMED_OUT".equals(state(id)));

        assertThatThrownBy(output::stop).hasMessageContaining("could not finish test run " + id);
        assertThat(output.stats().droppedSamples().get("STOP_TIMEOUT")).isGreaterThan(0);
        assertThat(fixture.state(id)).isEqualTo("TIMED_OUT");
        assertThat(total(id)).isEqualTo(40);
        relay.close();
    }

    @Test
    void aTimedOutRunRefusesLateDataAndTheOutputStopsSending() throws Exception {
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofSeconds(1));
        output = output(fixture.service.baseUrl(), Map.of());
        output.start();
        String id = output.referenceId();
        eventually(Duration.ofSeconds(10), "run timed out", () -> "TIMED_OUT".equals(state(id)));

        List<String> stops = new java.util.concurrent.CopyOnWriteArrayList<>();
        output.setTestRunStopCallback(stops::add);
        output.addMetricSamples(requests(5));
        eventually(Duration.ofSeconds(10), "batch refused", () -> output.stats().totalDroppedSamples() > 0);
        assertThat(output.stats().droppedSamples()).containsOnlyKeys("SERVICE_STOPPED");
        output.addMetricSamples(requests(5));
        output.stop();
        assertThat(stops).as("without K6_CLOUD_STOP_ON_ERROR the test goes on, as in k6").isEmpty();
        assertThat(output.stats().droppedSamples().get("SERVICE_STOPPED")).isEqualTo(32);

        assertThat(fixture.state(id)).isEqualTo("TIMED_OUT");
        assertThat(total(id)).isZero();
    }

    @Test
    void withStopOnErrorARunOverAtTheServiceEndsTheTestOnce() throws Exception {
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofSeconds(1));
        output = output(fixture.service.baseUrl(), Map.of("K6_CLOUD_STOP_ON_ERROR", "true"));
        List<String> stops = new java.util.concurrent.CopyOnWriteArrayList<>();
        output.setTestRunStopCallback(stops::add);
        output.start();
        String id = output.referenceId();
        eventually(Duration.ofSeconds(10), "run timed out", () -> "TIMED_OUT".equals(state(id)));

        output.addMetricSamples(requests(5));
        eventually(Duration.ofSeconds(10), "the test asked to stop", () -> !stops.isEmpty());
        output.addMetricSamples(requests(5));
        output.stop();

        assertThat(stops).singleElement().asString().contains("takes no more metrics", "403/E4");
    }

    @Test
    void anUnreachableServiceIsNamedInOneLineAtStart() throws Exception {
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofMinutes(1));
        int port = fixture.service.port();
        fixture.stop();
        output = output("http://127.0.0.1:" + port, Map.of());

        assertThatThrownBy(output::start).hasMessage("cannot create a test run at http://127.0.0.1:" + port
                + ": connection refused to 127.0.0.1:" + port);
    }

    @Test
    void theEndLineSaysWhatTheServiceConfirmedAgainstWhatWasMeasured() throws Exception {
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofMinutes(2));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(Map.of("K6_CLOUD_HOST", fixture.service.baseUrl(),
                "K6_CLOUD_TOKEN", fixture.token, "XDG_CONFIG_HOME", dir.resolve("config").toString()));
        output = new CloudOutput(CloudConfig.resolve(env), new OutputParams("", dir, "s.js", env, 1,
                Duration.ofSeconds(30), Map.of(), new PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8)),
                Clock.systemUTC());
        output.start();
        output.addMetricSamples(requests(100));
        output.stop();

        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(
                "cloud: the service confirmed 301 of 301 samples measured (", "; nothing dropped");
        assertThat(total(output.referenceId())).isEqualTo(100);
    }

    @Test
    void startingWithoutATokenSaysHowToLogIn() {
        fixture = null;
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", dir.toString(), "K6_CLOUD_HOST", "http://127.0.0.1:1");
        CloudOutput out = new CloudOutput(CloudConfig.resolve(env), new OutputParams("", dir, "a.js", env, 1,
                Duration.ofSeconds(1), Map.of(), System.out), Clock.systemUTC());

        assertThatThrownBy(out::start).hasMessageContaining("weft login cloud");
    }

    private double total(String id) {
        try {
            return fixture.total(id, "rps");
        } catch (Exception e) {
            return -1;
        }
    }

    private String state(String id) {
        try {
            return fixture.state(id);
        } catch (Exception e) {
            return "?";
        }
    }
}
