package dev.weft.output.stores;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
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
 * Debian's InfluxDB 1.x ({@code influxd}) on free loopback ports with its data in a temporary
 * directory, queried with InfluxQL over its HTTP API. {@link #startOrSkip} skips the calling test
 * with a message when the binary is missing (test.sh installs the {@code influxdb} package).
 */
public final class Influxd implements AutoCloseable {
    private final LocalProcess process;
    private final int httpPort;
    private final HttpClient client = HttpClient.newHttpClient();

    private Influxd(LocalProcess process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    public static Influxd startOrSkip(Path dir) throws IOException, InterruptedException {
        Path bin = LocalProcess.binary("/usr/bin/influxd", "/usr/local/bin/influxd");
        Assumptions.assumeTrue(bin != null, "influxd is not installed (apt-get install influxdb): skipping");
        Files.createDirectories(dir);
        int http = LocalProcess.freePort();
        int rpc = LocalProcess.freePort();
        Path conf = dir.resolve("influxdb.conf");
        Files.writeString(conf, """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                [monitor]
                  store-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                [subscriber]
                  enabled = false
                [continuous_queries]
                  enabled = false
                """.formatted(rpc, dir, dir, dir, http));
        LocalProcess p = LocalProcess.start(dir, List.of(bin.toString(), "run", "-config", conf.toString()));
        try {
            p.awaitHttp("http://127.0.0.1:" + http + "/ping", 30);
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
        return new Influxd(p, http);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * Runs an InfluxQL query; returns the first series' rows (each a list of column values), or
     * an empty array when nothing matched.
     */
    public JsonArray query(String db, String influxql) throws IOException, InterruptedException {
        String uri = url() + "/query?db=" + URLEncoder.encode(db, StandardCharsets.UTF_8) + "&q="
                + URLEncoder.encode(influxql, StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("influxd answered " + r.statusCode() + " to " + influxql + ": " + r.body());
        }
        JsonObject result = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("results").get(0)
                .getAsJsonObject();
        if (result.has("error")) {
            throw new IOException(influxql + ": " + result.get("error").getAsString());
        }
        JsonElement series = result.get("series");
        return series == null ? new JsonArray() : series.getAsJsonArray().get(0).getAsJsonObject().getAsJsonArray("values");
    }

    /** The single number a query such as {@code SELECT sum(value) FROM x} returns, or 0 when nothing matched. */
    public double number(String db, String influxql) throws IOException, InterruptedException {
        JsonArray rows = query(db, influxql);
        return rows.isEmpty() ? 0 : rows.get(0).getAsJsonArray().get(1).getAsDouble();
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
