package dev.weft.output.opentelemetry;

import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.push.SeriesKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.HashMap;
import java.util.Map;

/**
 * Records samples into the SDK's instruments the way k6's opentelemetry output does (its
 * registry): one instrument per metric name, created on first use; tags (without vu, iter and
 * empty values) as attributes, built once per series. Used only on the pusher thread.
 */
final class OtelInstruments {
    private final Meter meter;
    private final String prefix;
    private final Map<String, Object> instruments = new HashMap<>();
    private final Map<SeriesKey, Attributes> attributes = new HashMap<>();

    OtelInstruments(Meter meter, String prefix) {
        this.meter = meter;
        this.prefix = prefix;
    }

    void record(Sample s) {
        String name = prefix + s.metric().name();
        Attributes attrs = attributes.computeIfAbsent(new SeriesKey(s.metric(), s.tags()), k -> attributes(k.tags()));
        String unit = switch (s.metric().valueType()) {
            case TIME -> "ms";
            case DATA -> "By";
            case DEFAULT -> "";
        };
        switch (s.metric().type()) {
            case COUNTER -> ((DoubleCounter) instruments.computeIfAbsent(name,
                    n -> meter.counterBuilder(n).ofDoubles().setUnit(unit).build())).add(s.value(), attrs);
            case GAUGE -> ((DoubleGauge) instruments.computeIfAbsent(name,
                    n -> meter.gaugeBuilder(n).setUnit(unit).build())).set(s.value(), attrs);
            case TREND -> ((DoubleHistogram) instruments.computeIfAbsent(name,
                    n -> meter.histogramBuilder(n).setUnit(unit).build())).record(s.value(), attrs);
            case RATE -> {
                if (s.value() != 0) {
                    ((LongCounter) instruments.computeIfAbsent(name + ".occurred",
                            n -> meter.counterBuilder(n).build())).add(1, attrs);
                }
                ((LongCounter) instruments.computeIfAbsent(name + ".total", n -> meter.counterBuilder(n).build()))
                        .add(1, attrs);
            }
        }
    }

    private static Attributes attributes(Tags tags) {
        AttributesBuilder b = Attributes.builder();
        for (int i = 0; i < tags.size(); i++) {
            if (SeriesKey.counts(tags, i)) {
                b.put(tags.keyAt(i), tags.valueAt(i));
            }
        }
        return b.build();
    }
}
