package dev.weft.output.influxdb;

import dev.weft.metrics.Sample;
import dev.weft.output.Output;
import dev.weft.output.push.HttpPush;
import dev.weft.output.push.PeriodicPusher;
import dev.weft.output.push.PushStats;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --out influxdb} / {@code --out xk6-influxdb}: buffers samples and every push interval
 * writes them as line protocol to InfluxDB's HTTP write endpoint ({@code /write} for 1.x,
 * {@code /api/v2/write} for 2.x), at most {@value #MAX_POINTS_PER_WRITE} points per request.
 * The pipeline's consumer calls {@link #addMetricSamples} (queues only); requests go out on the
 * {@link PeriodicPusher}'s thread, one at a time; a refused or failed request is logged and its
 * points counted as dropped (k6 does not retry either). For 1.x, {@link #start()} creates the
 * database as k6 does, ignoring failure. Made by {@link InfluxOutputFactory}.
 */
public final class InfluxOutput implements Output {
    static final int MAX_POINTS_PER_WRITE = 10_000;
    private static final System.Logger LOG = System.getLogger("dev.weft.output.influxdb");

    private final InfluxConfig config;
    private final InfluxLines lines;
    private final PeriodicPusher pusher;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final URI writeUri;
    private HttpPush http;

    public InfluxOutput(InfluxConfig config) {
        this.config = config;
        this.lines = new InfluxLines(config.tagsAsFields(), config.precision());
        this.pusher = new PeriodicPusher(config.v2() ? "xk6-influxdb" : "influxdb", config.pushInterval(),
                PeriodicPusher.DEFAULT_MAX_PENDING, this::write);
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("User-Agent", "k6");
        if (config.v2()) {
            headers.put("Authorization", "Token " + config.token());
            writeUri = URI.create(config.addr() + "/api/v2/write?org=" + enc(config.organization()) + "&bucket="
                    + enc(config.bucket()) + "&precision=" + (config.precision().isEmpty() ? "ns"
                            : config.precision().replace("µs", "us")));
        } else {
            if (!config.username().isEmpty()) {
                headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8)));
            }
            StringBuilder q = new StringBuilder("/write?db=").append(enc(config.db()));
            if (!config.retention().isEmpty()) {
                q.append("&rp=").append(enc(config.retention()));
            }
            if (!config.precision().isEmpty()) {
                q.append("&precision=").append(v1Precision(config.precision()));
            }
            if (!config.consistency().isEmpty()) {
                q.append("&consistency=").append(enc(config.consistency()));
            }
            writeUri = URI.create(config.addr() + q);
        }
    }

    /** InfluxDB 1.x's names: n/ns, u, ms, s, m, h. */
    private static String v1Precision(String p) {
        return switch (p) {
            case "us", "µs" -> "u";
            default -> p;
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String description() {
        return (config.v2() ? "InfluxDBv2 (" : "InfluxDBv1 (") + config.addr() + ")";
    }

    @Override
    public void start() throws Exception {
        http = new HttpPush(InfluxConfig.TIMEOUT, config.insecure(), null);
        if (!config.v2()) {
            createDatabase();
        }
        pusher.start();
    }

    private void createDatabase() throws InterruptedException {
        String q = "CREATE DATABASE \"" + config.db().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Content-Type", "application/x-www-form-urlencoded");
        try {
            http.post(URI.create(config.addr() + "/query"), h, ("q=" + enc(q)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "influxdb: couldn't create database " + config.db() + "; most likely harmless: "
                    + PeriodicPusher.message(e));
        }
    }

    @Override
    public void addMetricSamples(List<Sample> samples) {
        pusher.add(samples);
    }

    /** Writes one interval's samples; returns how many were in requests that failed. */
    private long write(List<Sample> samples) throws InterruptedException {
        long lost = 0;
        StringBuilder body = new StringBuilder(Math.min(samples.size(), MAX_POINTS_PER_WRITE) * 160);
        for (int from = 0; from < samples.size(); from += MAX_POINTS_PER_WRITE) {
            int to = Math.min(samples.size(), from + MAX_POINTS_PER_WRITE);
            body.setLength(0);
            for (int i = from; i < to; i++) {
                lines.append(body, samples.get(i));
            }
            try {
                http.post(writeUri, headers, body.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lost += to - from;
                String hint = !config.v2() && String.valueOf(e.getMessage()).contains("401")
                        ? " (for InfluxDB 2.x use --out xk6-influxdb with K6_INFLUXDB_ORGANIZATION, _BUCKET and _TOKEN)"
                        : "";
                LOG.log(Level.WARNING, "influxdb: couldn't write " + (to - from) + " points to " + config.addr() + ": "
                        + PeriodicPusher.message(e) + hint);
            }
        }
        return lost;
    }

    @Override
    public void stop() throws Exception {
        try {
            pusher.stop();
        } finally {
            if (http != null) {
                http.close();
            }
        }
    }

    /** Delivery counters so far; safe from any thread. */
    public PushStats stats() {
        return pusher.stats();
    }
}
