package dev.weft.js.module.metrics;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.JsValues;
import dev.weft.js.module.VuScope;
import dev.weft.metrics.Metric;
import dev.weft.metrics.MetricType;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.metrics.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code k6/metrics}: custom Counter, Gauge, Rate and Trend metrics. Declared only in init code
 * (k6's rule), registered in the test's metric registry (same name and type from every VU gives
 * the same metric); {@code add()} pushes a sample tagged like any other of the iteration.
 */
public final class MetricsModule implements JsModule {
    @Override
    public String name() {
        return "k6/metrics";
    }

    @Override
    public List<String> exportNames() {
        return List.of("Counter", "Gauge", "Rate", "Trend");
    }

    @Override
    public Object instance(VuScope vu) {
        List<Metric> declared = new ArrayList<>();
        return vu.scripts().instantiate(vu, "metrics.js", new HostObject()
                .fn("declare", args -> {
                    vu.requireInit("new " + args[0].asString() + "()");
                    MetricType type = MetricType.valueOf(args[0].asString().toUpperCase(Locale.ROOT));
                    ValueType valueType = type == MetricType.TREND && args[2].asBoolean() ? ValueType.TIME
                            : ValueType.DEFAULT;
                    declared.add(vu.services().metrics().register(args[1].asString(), type, valueType));
                    return declared.size() - 1;
                })
                .fn("add", args -> {
                    Metric m = declared.get(args[0].asInt());
                    Tags tags = vu.sampleTags().merge(new Tags(JsValues.stringMap(args[2])));
                    double v = args[1].asDouble();
                    if (m.type() == MetricType.RATE) {
                        v = v != 0 ? 1 : 0;
                    }
                    vu.services().sink().push(new Sample(m, tags, vu.services().clock().millis(), v));
                    return null;
                })
                .build());
    }
}
