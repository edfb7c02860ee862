package dev.weft.output.prometheus;

import dev.weft.metrics.Sample;
import dev.weft.output.Output;
import dev.weft.output.push.ClientCertificate;
import dev.weft.output.push.HttpPush;
import dev.weft.output.push.PeriodicPusher;
import dev.weft.output.push.PushStats;
import io.airlift.compress.snappy.SnappyCompressor;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --out experimental-prometheus-rw}: folds samples into per-series values since the start
 * ({@link SeriesStore}) and every push interval sends the series that changed as one
 * snappy-compressed protobuf WriteRequest. The pipeline's consumer calls {@link #addMetricSamples}
 * (queues only); folding, encoding and the POST run on the {@link PeriodicPusher}'s thread. A
 * failed POST is logged and its samples counted as undelivered, but since values are cumulative
 * every series is sent again at the next push, so only a failure of the last push loses data.
 * With staleMarkers, {@link #stop()} marks every series stale. Made by {@link PrometheusRwOutputFactory}.
 */
public final class PrometheusRwOutput implements Output {
    private static final System.Logger LOG = System.getLogger("dev.weft.output.prometheus");

    private final PrometheusRwConfig config;
    private final SeriesStore store;
    private final PeriodicPusher pusher;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final SnappyCompressor snappy = new SnappyCompressor();
    private HttpPush http;

    public PrometheusRwOutput(PrometheusRwConfig config) {
        this.config = config;
        this.store = new SeriesStore(config.trendStats(), config.trendAsNativeHistogram());
        this.pusher = new PeriodicPusher("prometheus-rw", config.pushInterval(), PeriodicPusher.DEFAULT_MAX_PENDING,
                this::push);
        headers.putAll(config.headers());
        if (config.username() != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8)));
        }
        if (config.bearerToken() != null && !config.bearerToken().isEmpty()) {
            headers.put("Authorization", "Bearer " + config.bearerToken());
        }
        headers.put("User-Agent", "k6-prometheus-rw-output");
        headers.put("Content-Encoding", "snappy");
        headers.put("Content-Type", "application/x-protobuf");
        headers.put("X-Prometheus-Remote-Write-Version", "0.1.0");
    }

    @Override
    public String description() {
        return "Prometheus remote write (" + config.url() + ")";
    }

    @Override
    public void start() {
        http = new HttpPush(PrometheusRwConfig.TIMEOUT, config.insecureSkipTlsVerify(),
                config.clientCertificate() == null ? null
                        : ClientCertificate.load(config.clientCertificate(), config.clientCertificateKey()));
        pusher.start();
    }

    @Override
    public void addMetricSamples(List<Sample> samples) {
        pusher.add(samples);
    }

    private long push(List<Sample> samples) throws Exception {
        for (Sample s : samples) {
            store.add(s);
        }
        List<PromSeries> series = store.changed();
        try {
            send(series);
        } catch (Exception e) {
            store.resendAll();
            throw e;
        }
        return 0;
    }

    private void send(List<PromSeries> series) throws Exception {
        if (series.isEmpty()) {
            return;
        }
        byte[] body = WriteRequestEncoder.encode(series);
        byte[] compressed = new byte[snappy.maxCompressedLength(body.length)];
        int n = snappy.compress(body, 0, body.length, compressed, 0, compressed.length);
        http.post(config.url(), headers, Arrays.copyOf(compressed, n));
    }

    @Override
    public void stop() throws Exception {
        try {
            pusher.stop();
            if (config.staleMarkers()) {
                try {
                    send(store.staleMarkers(System.currentTimeMillis()));
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "prometheus-rw: marking time series as stale failed: "
                            + PeriodicPusher.message(e));
                }
            }
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
