package dev.weft.output.opentelemetry;

import dev.weft.metrics.Sample;
import dev.weft.output.Output;
import dev.weft.output.push.PeriodicPusher;
import dev.weft.output.push.PushStats;
import dev.weft.http.TrustEverything;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@code --out opentelemetry}: the pipeline's consumer calls {@link #addMetricSamples} (queues
 * only); every flush interval the {@link PeriodicPusher}'s thread records the samples into the
 * SDK's instruments ({@link OtelInstruments}); the SDK's periodic reader thread exports every
 * export interval over OTLP. {@link #stop()} records what is left and shuts the SDK down, which
 * exports once more and waits for it. Samples refused on input and exports that failed are counted and reported (the
 * data is cumulative, so a failed export is made up for by the next one, except the last).
 * Made by {@link OtelOutputFactory}.
 */
public final class OtelOutput implements Output {
    static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger("dev.weft.output.opentelemetry");

    private final OtelConfig config;
    private final PeriodicPusher pusher;
    private SdkMeterProvider provider;
    private CountingExporter exporter;
    private OtelInstruments instruments;

    public OtelOutput(OtelConfig config) {
        this.config = config;
        this.pusher = new PeriodicPusher("opentelemetry", config.flushInterval(), PeriodicPusher.DEFAULT_MAX_PENDING,
                this::record);
    }

    @Override
    public String description() {
        return "opentelemetry (" + config.describe() + ")";
    }

    @Override
    public void start() throws IOException {
        exporter = new CountingExporter(exporter());
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), config.serviceName(),
                AttributeKey.stringKey("service.version"), config.serviceVersion())));
        provider = SdkMeterProvider.builder().setResource(resource)
                // the SDK's own metrics about its reader (otel.sdk.*) are not the test's: k6's Go SDK sends none
                .registerView(InstrumentSelector.builder().setName("otel.sdk.*").build(),
                        View.builder().setAggregation(Aggregation.drop()).build())
                .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(config.exportInterval()).build())
                .build();
        instruments = new OtelInstruments(provider.get("k6"), config.metricPrefix());
        pusher.start();
    }

    private MetricExporter exporter() throws IOException {
        if (config.exporterType().equals("http")) {
            OtlpHttpMetricExporterBuilder b = OtlpHttpMetricExporter.builder().setEndpoint(config.endpointUrl())
                    .setTimeout(EXPORT_TIMEOUT);
            config.headers().forEach(b::addHeader);
            if (config.tlsCertificate() != null) {
                b.setTrustedCertificates(Files.readAllBytes(Path.of(config.tlsCertificate())));
            }
            if (config.tlsClientCertificate() != null) {
                b.setClientTls(Files.readAllBytes(Path.of(config.tlsClientKey())),
                        Files.readAllBytes(Path.of(config.tlsClientCertificate())));
            }
            if (config.tlsInsecureSkipVerify()) {
                b.setSslContext(trustEverything(), TRUST_EVERYTHING);
            }
            return b.build();
        }
        OtlpGrpcMetricExporterBuilder b = OtlpGrpcMetricExporter.builder().setEndpoint(config.endpointUrl())
                .setTimeout(EXPORT_TIMEOUT);
        config.headers().forEach(b::addHeader);
        if (config.tlsCertificate() != null) {
            b.setTrustedCertificates(Files.readAllBytes(Path.of(config.tlsCertificate())));
        }
        if (config.tlsClientCertificate() != null) {
            b.setClientTls(Files.readAllBytes(Path.of(config.tlsClientKey())),
                    Files.readAllBytes(Path.of(config.tlsClientCertificate())));
        }
        if (config.tlsInsecureSkipVerify()) {
            b.setSslContext(trustEverything(), TRUST_EVERYTHING);
        }
        return b.build();
    }

    private static final X509TrustManager TRUST_EVERYTHING = new TrustEverything();

    private static SSLContext trustEverything() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {TRUST_EVERYTHING}, null);
            return ctx;
        } catch (NoSuchAlgorithmException | java.security.KeyManagementException e) {
            throw new IllegalStateException("the JDK has no usable TLS implementation", e);
        }
    }

    @Override
    public void addMetricSamples(List<Sample> samples) {
        pusher.add(samples);
    }

    private long record(List<Sample> samples) {
        for (Sample s : samples) {
            instruments.record(s);
        }
        return 0;
    }

    @Override
    public void stop() throws Exception {
        if (provider == null) {
            return;
        }
        pusher.stop();
        // shutting the provider down makes its reader collect and export once more, then waits for it
        CompletableResultCode last = provider.shutdown().join(2 * EXPORT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (exporter.failed() > 0 || !last.isSuccess()) {
            LOG.log(Level.WARNING, "opentelemetry output: " + exporter.failed() + " of "
                    + (exporter.failed() + exporter.succeeded()) + " exports to " + config.endpointUrl() + " failed ("
                    + exporter.failedPoints() + " data points)" + (last.isSuccess() ? ""
                            : "; the last export did not succeed, so the receiver misses the end of the test"));
        }
    }

    /** Samples recorded and refused so far; safe from any thread. */
    public PushStats stats() {
        return pusher.stats();
    }

    /** Exports that failed so far. */
    public long failedExports() {
        return exporter == null ? 0 : exporter.failed();
    }

    /** Exports that succeeded so far. */
    public long succeededExports() {
        return exporter == null ? 0 : exporter.succeeded();
    }
}
