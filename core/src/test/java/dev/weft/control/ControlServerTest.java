package dev.weft.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.executor.ExternallyControlled;
import dev.weft.executor.Instance;
import dev.weft.executor.PauseGate;
import dev.weft.executor.Scenario;
import dev.weft.lifecycle.ExitCode;
import dev.weft.lifecycle.RunResult;
import dev.weft.lifecycle.SetupTeardown;
import dev.weft.lifecycle.TestRun;
import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import dev.weft.segment.ExecutionTuple;
import dev.weft.vu.FakeVuFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ControlServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private ControlServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        http.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(uri).method(method, publisher).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject attributes(HttpResponse<String> response) {
        JsonObject data = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("data");
        assertThat(data.get("type").getAsString()).isEqualTo("status");
        assertThat(data.get("id").getAsString()).isEqualTo("default");
        return data.getAsJsonObject("attributes");
    }

    private static String patch(String attributes) {
        return "{\"data\":{\"type\":\"status\",\"id\":\"default\",\"attributes\":" + attributes + "}}";
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void reportsStatusInK6sShape() throws Exception {
        FakeSurface surface = new FakeSurface();
        server = ControlServer.start("127.0.0.1:0", surface);

        HttpResponse<String> response = call("GET", "/v1/status", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonObject a = attributes(response);
        assertThat(a.get("status").getAsInt()).isEqualTo(7);
        assertThat(a.get("paused").getAsBoolean()).isFalse();
        assertThat(a.get("vus").getAsLong()).isEqualTo(3);
        assertThat(a.get("vus-max").getAsLong()).isEqualTo(5);
        assertThat(a.get("running").getAsBoolean()).isTrue();
        assertThat(a.get("stopped").getAsBoolean()).isFalse();
        assertThat(a.get("tainted").getAsBoolean()).isFalse();
    }

    @Test
    void patchPausesResumesAndStops() throws Exception {
        FakeSurface surface = new FakeSurface();
        server = ControlServer.start("127.0.0.1:0", surface);

        assertThat(attributes(call("PATCH", "/v1/status", patch("{\"paused\": true}"))).get("paused").getAsBoolean()).isTrue();
        assertThat(surface.gate.isPaused()).isTrue();
        call("PATCH", "/v1/status", patch("{\"paused\": false}"));
        assertThat(surface.gate.isPaused()).isFalse();
        call("PATCH", "/v1/status", patch("{\"stopped\": true}"));
        assertThat(surface.stopCalled).isTrue();
    }

    @Test
    void changingVusNeedsAnExternallyControlledScenario() throws Exception {
        server = ControlServer.start("127.0.0.1:0", new FakeSurface());

        HttpResponse<String> response = call("PATCH", "/v1/status", patch("{\"vus\": 2}"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("an externally-controlled executor needs to be configured");
    }

    @Test
    void rejectsMalformedBodiesUnknownPathsAndMethods() throws Exception {
        server = ControlServer.start("127.0.0.1:0", new FakeSurface());

        HttpResponse<String> bad = call("PATCH", "/v1/status", "{not json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JsonParser.parseString(bad.body()).getAsJsonObject().getAsJsonArray("errors").get(0)
                .getAsJsonObject().get("title").getAsString()).isEqualTo("Invalid data");
        assertThat(call("DELETE", "/v1/status", null).statusCode()).isEqualTo(405);
        assertThat(call("GET", "/v1/nothing", null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/v1/metrics", null).statusCode()).isEqualTo(404);
    }

    @Test
    void steersARealRunOfAnExternallyControlledScenario() throws Exception {
        FakeVuFactory vus = new FakeVuFactory().iterationTime(Duration.ofMillis(10));
        PauseGate gate = new PauseGate();
        Instance instance = new Instance(ExecutionTuple.WHOLE, gate);
        ExternallyControlled executor = new ExternallyControlled(new Scenario("ext", ExternallyControlled.TYPE,
                "default", Duration.ZERO, Duration.ZERO, Map.of(), Tags.EMPTY),
                new ExternallyControlled.Config(1, 3, Duration.ZERO), instance);
        TestRun run = new TestRun(new TestRun.Plan(List.of(executor), false, false, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Tags.EMPTY), vus, new NoStages(), SampleSink.DISCARD, Clock.systemUTC());
        TestRunControl control = new TestRunControl(run, List.of(executor), gate, () -> false, Optional::empty);
        server = ControlServer.start("127.0.0.1:0", control);
        AtomicReference<RunResult> result = new AtomicReference<>();
        Thread runner = Thread.ofVirtual().start(() -> {
            try {
                result.set(run.run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            control.ended();
        });

        waitFor(() -> vus.recording().iterations() > 0);
        assertThat(attributes(call("PATCH", "/v1/status", patch("{\"vus\": 3}"))).get("vus-max").getAsLong()).isEqualTo(3);
        waitFor(() -> vus.recording().maxConcurrent() == 3);
        assertThat(call("PATCH", "/v1/status", patch("{\"vus\": 4}")).statusCode()).isEqualTo(400);
        call("PATCH", "/v1/status", patch("{\"paused\": true}"));
        assertThat(attributes(call("GET", "/v1/status", null)).get("paused").getAsBoolean()).isTrue();
        call("PATCH", "/v1/status", patch("{\"stopped\": true}"));
        runner.join(Duration.ofSeconds(10));

        assertThat(result.get()).isNotNull();
        assertThat(result.get().failure()).isEqualTo(ExitCode.EXTERNAL_ABORT);
        assertThat(attributes(call("GET", "/v1/status", null)).get("status").getAsInt())
                .isEqualTo(ExecutionStatus.INTERRUPTED.code());
    }

    private static final class NoStages implements SetupTeardown {
        @Override
        public boolean hasSetup() {
            return false;
        }

        @Override
        public boolean hasTeardown() {
            return false;
        }

        @Override
        public String setup(Duration timeout) {
            return null;
        }

        @Override
        public void teardown(String setupData, Duration timeout) {
        }
    }

    /** A control surface with fixed numbers that records what it is asked. */
    private static final class FakeSurface implements ControlSurface {
        final PauseGate gate = new PauseGate();
        volatile boolean stopCalled;

        @Override
        public ExecutionStatus status() {
            return ExecutionStatus.RUNNING;
        }

        @Override
        public boolean paused() {
            return gate.isPaused();
        }

        @Override
        public void setPaused(boolean paused) {
            gate.setPaused(paused);
        }

        @Override
        public long activeVus() {
            return 3;
        }

        @Override
        public long vusMax() {
            return 5;
        }

        @Override
        public boolean stopped() {
            return stopCalled;
        }

        @Override
        public boolean running() {
            return true;
        }

        @Override
        public boolean tainted() {
            return false;
        }

        @Override
        public void stop() {
            stopCalled = true;
        }

        @Override
        public Optional<ExternallyControlled> externallyControlled() {
            return Optional.empty();
        }
    }
}
