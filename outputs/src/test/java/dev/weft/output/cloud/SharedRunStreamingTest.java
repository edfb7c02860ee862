package dev.weft.output.cloud;

import static dev.weft.output.cloud.ServiceFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.OutputParams;
import dev.weft.output.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several cloud outputs (one per runner instance) streaming into one shared run of the real service. */
class SharedRunStreamingTest {
    @TempDir
    Path dir;

    ServiceFixture fixture;
    final List<CloudOutput> outputs = new ArrayList<>();

    @BeforeEach
    void startService() throws Exception {
        fixture = new ServiceFixture(dir.resolve("db"), Duration.ofMinutes(2));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private CloudOutput output(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("K6_CLOUD_HOST", fixture.service.baseUrl());
        env.put("K6_CLOUD_TOKEN", fixture.token);
        env.put("K6_CLOUD_METRIC_PUSH_INTERVAL", "100ms");
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.putAll(extra);
        OutputParams params = new OutputParams("", dir, "scripts/spread.js", env, 5, Duration.ofSeconds(30),
                Map.of(), new PrintStream(new ByteArrayOutputStream()));
        CloudOutput out = new CloudOutput(CloudConfig.resolve(env), params, Clock.systemUTC());
        outputs.add(out);
        return out;
    }

    private static Map<String, String> joining(String key, int instances, int index) {
        return Map.of("WEFT_CLOUD_RUN_KEY", key, "WEFT_CLOUD_INSTANCES", Integer.toString(instances),
                "WEFT_CLOUD_INSTANCE_ID", Integer.toString(index));
    }

    /** {@code n} requests with durations, and the instance's VU gauge, all in the current second. */
    private static List<Sample> requests(int n, int vus, double duration) {
        long now = System.currentTimeMillis();
        Tags tags = Tags.of("status", "200", "method", "GET");
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(new Sample(BuiltinMetrics.HTTP_REQS, tags, now, 1));
            samples.add(new Sample(BuiltinMetrics.HTTP_REQ_DURATION, tags, now, duration));
            samples.add(new Sample(BuiltinMetrics.ITERATIONS, Tags.EMPTY, now, 1));
        }
        samples.add(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, now, vus));
        return samples;
    }

    private double total(String id, String series) {
        try {
            return fixture.total(id, series);
        } catch (Exception e) {
            return -1;
        }
    }

    private JsonObject run(String id) throws Exception {
        return fixture.run(id).getAsJsonObject("run");
    }

    @Test
    void threeInstancesJoinOneRunAndItsTotalsAreTheSumOfTheirs() throws Exception {
        CloudOutput a = output(joining("job-a", 3, 0));
        CloudOutput b = output(joining("job-a", 3, 1));
        CloudOutput c = output(joining("job-a", 3, 2));
        a.start();
        b.start();
        c.start();
        String id = a.referenceId();
        assertThat(b.referenceId()).isEqualTo(id);
        assertThat(c.referenceId()).isEqualTo(id);
        assertThat(run(id).get("vus").getAsLong()).isEqualTo(15);

        a.addMetricSamples(requests(300, 2, 10));
        b.addMetricSamples(requests(200, 2, 20));
        c.addMetricSamples(requests(100, 1, 30));
        a.stop();
        b.stop();
        assertThat(fixture.state(id)).isEqualTo("RUNNING");
        c.addMetricSamples(requests(50, 1, 30));
        c.stop();

        assertThat(fixture.state(id)).isEqualTo("FINISHED");
        assertThat(total(id, "rps")).isEqualTo(650);
        assertThat(total(id, "iterations")).isEqualTo(650);
        assertThat(run(id).get("finished_instances").getAsInt()).isEqualTo(3);
        assertThat(run(id).get("run_status").getAsInt()).isEqualTo(3);
    }

    @Test
    void theRunShowsTheSumOfTheInstancesVus() throws Exception {
        CloudOutput a = output(joining("job-b", 2, 0));
        CloudOutput b = output(joining("job-b", 2, 1));
        a.start();
        b.start();
        long now = System.currentTimeMillis();
        a.addMetricSamples(List.of(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, now, 3)));
        b.addMetricSamples(List.of(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, now, 4)));
        a.stop();
        b.stop();

        assertThat(fixture.total(a.referenceId(), "vus")).as(fixture.run(a.referenceId()).toString()).isEqualTo(7);
    }

    @Test
    void anAbortedInstanceMakesTheSharedRunAborted() throws Exception {
        CloudOutput a = output(joining("job-c", 2, 0));
        CloudOutput b = output(joining("job-c", 2, 1));
        a.start();
        b.start();
        a.setRunStatus(RunStatus.ABORTED_USER);
        a.stop();
        b.stop();

        assertThat(fixture.state(a.referenceId())).isEqualTo("FINISHED");
        assertThat(run(a.referenceId()).get("run_status").getAsInt()).isEqualTo(RunStatus.ABORTED_USER.k6Code());
    }

    @Test
    void anInstanceBeyondTheExpectedCountCannotStart() throws Exception {
        output(joining("job-d", 1, 0)).start();
        CloudOutput extra = output(joining("job-d", 1, 1));

        assertThatThrownBy(extra::start).hasMessageContaining("cannot create or join the test run 'job-d'")
                .hasMessageContaining("has all its 1 instances");
        outputs.get(0).stop();
    }

    @Test
    void aPushReferencePushesIntoAnExistingRunWithoutCreatingOrFinishingIt() throws Exception {
        CloudOutput owner = output(Map.of());
        owner.start();
        String id = owner.referenceId();
        CloudOutput pusher = output(Map.of("K6_CLOUD_PUSH_REF_ID", id));
        pusher.start();
        assertThat(pusher.referenceId()).isEqualTo(id);

        pusher.addMetricSamples(requests(40, 1, 5));
        pusher.stop();
        assertThat(fixture.state(id)).isEqualTo("RUNNING");
        owner.addMetricSamples(requests(2, 1, 5));
        owner.stop();

        assertThat(fixture.state(id)).isEqualTo("FINISHED");
        assertThat(total(id, "rps")).isEqualTo(42);
    }

    @Test
    void dataArrivesWhileOtherInstancesAreStillStarting() throws Exception {
        CloudOutput a = output(joining("job-e", 2, 0));
        a.start();
        a.addMetricSamples(requests(10, 1, 5));
        eventually(Duration.ofSeconds(10), "first instance's data", () -> total(a.referenceId(), "rps") == 10);
        CloudOutput b = output(joining("job-e", 2, 1));
        b.start();
        b.addMetricSamples(requests(5, 1, 5));
        a.stop();
        b.stop();

        assertThat(total(a.referenceId(), "rps")).isEqualTo(15);
        assertThat(fixture.state(a.referenceId())).isEqualTo("FINISHED");
    }
}
