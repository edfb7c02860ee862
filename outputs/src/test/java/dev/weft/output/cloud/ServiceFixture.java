package dev.weft.output.cloud;

import com.google.gson.JsonObject;
import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The real results service for the cloud output's tests, with a user and token ready. */
final class ServiceFixture implements AutoCloseable {
    final Path dir;
    final Duration timeout;
    ResultsService service;
    String token;
    private final HttpClient http = HttpClient.newHttpClient();

    ServiceFixture(Path dir, Duration timeout) throws Exception {
        this.dir = dir;
        this.timeout = timeout;
        this.service = ResultsService.start(config(0));
        Principal p = service.accounts().createUser(service.accounts().organisation("test"), "runner@example.com", "pw");
        this.token = service.accounts().createToken(p);
    }

    private ServiceConfig config(int port) {
        return ServiceConfig.defaults().withPort(port).withDatabase(ServiceConfig.defaultJdbcUrl(dir), null, null)
                .withRunTimeout(timeout).withSweepInterval(Duration.ofMillis(200)).withPasswordIterations(1000);
    }

    void stop() {
        service.close();
    }

    /** Starts again on the same port and database. */
    void restart(int port) throws Exception {
        service = ResultsService.start(config(port));
    }

    JsonObject run(String id) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/runs/" + id))
                .header(CloudApi.AUTHORIZATION_HEADER, CloudApi.authorization(token)).build();
        return WireJson.GSON.fromJson(http.send(r, HttpResponse.BodyHandlers.ofString()).body(), JsonObject.class);
    }

    String state(String id) throws Exception {
        return run(id).getAsJsonObject("run").get("run_state").getAsString();
    }

    double total(String id, String series) throws Exception {
        double sum = 0;
        for (var e : run(id).getAsJsonObject("charts").getAsJsonArray(series)) {
            sum += e.isJsonNull() ? 0 : e.getAsDouble();
        }
        return sum;
    }

    /** Polls until the condition holds; fails after {@code within}. Integration only: real I/O takes real time. */
    static void eventually(Duration within, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        service.close();
        http.close();
    }
}
