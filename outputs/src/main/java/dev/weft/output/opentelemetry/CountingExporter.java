package dev.weft.output.opentelemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the OTLP exports that succeed and fail, around the SDK's exporter. The SDK's periodic
 * reader thread calls {@link #export}; the counters are read from any thread.
 */
final class CountingExporter implements MetricExporter {
    private final MetricExporter delegate;
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedPoints = new AtomicLong();

    CountingExporter(MetricExporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        CompletableResultCode result = delegate.export(metrics);
        long points = metrics.stream().mapToLong(m -> m.getData().getPoints().size()).sum();
        result.whenComplete(() -> {
            if (result.isSuccess()) {
                succeeded.incrementAndGet();
            } else {
                failed.incrementAndGet();
                failedPoints.addAndGet(points);
            }
        });
        return result;
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return delegate.getAggregationTemporality(instrumentType);
    }

    long succeeded() {
        return succeeded.get();
    }

    long failed() {
        return failed.get();
    }

    long failedPoints() {
        return failedPoints.get();
    }
}
