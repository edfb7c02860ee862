package dev.weft.output.stores;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Prometheus with its remote-write receiver (and native histograms) enabled, on a free
 * loopback port with its TSDB in a temporary directory, queried with PromQL over its HTTP API.
 * {@link #startOrSkip} skips the calling test with a message when the binary is missing (test.sh
 * installs the {@code prometheus} package).
 */
public final class PrometheusServer implements AutoCloseable {
    private final LocalProcess process;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private PrometheusServer(LocalProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static PrometheusServer startOrSkip(Path dir) throws IOException, InterruptedException {
        Path bin = LocalProcess.binary("/usr/bin/prometheus", "/usr/local/bin/prometheus");
        Assumptions.assumeTrue(bin != null, "prometheus is not installed (apt-get install prometheus): skipping");
        Files.createDirectories(dir);
        int port = LocalProcess.freePort();
        Path conf = dir.resolve("prometheus.yml");
        Files.writeString(conf, "global:\n  scrape_interval: 1h\n");
        LocalProcess p = LocalProcess.start(dir, List.of(bin.toString(), "--config.file=" + conf,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-remote-write-receiver", "--enable-feature=native-histograms"));
        try {
            p.awaitHttp("http://127.0.0.1:" + port + "/-/ready", 60);
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
        return new PrometheusServer(p, port);
    }

    /** The remote-write endpoint. */
    public String writeUrl() {
        return "http://127.0.0.1:" + port + "/api/v1/write";
    }

    /** An instant PromQL query's result vector: each element has "metric" (labels) and "value" [time, "v"]. */
    public JsonArray query(String promql) throws IOException, InterruptedException {
        String uri = "http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("prometheus answered " + r.statusCode() + " to " + promql + ": " + r.body());
        }
        JsonObject data = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("data");
        return data.getAsJsonArray("result");
    }

    /** The single value of a query that yields one element, or NaN when it yields none. */
    public double value(String promql) throws IOException, InterruptedException {
        JsonArray result = query(promql);
        if (result.isEmpty()) {
            return Double.NaN;
        }
        if (result.size() > 1) {
            throw new IOException(promql + " gave " + result.size() + " series: " + result);
        }
        return Double.parseDouble(result.get(0).getAsJsonObject().getAsJsonArray("value").get(1).getAsString());
    }

    public String logTail() {
        return process.logTail();
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
        process.close();
    }
}
