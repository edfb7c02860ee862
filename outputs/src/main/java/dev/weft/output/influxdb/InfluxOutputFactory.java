package dev.weft.output.influxdb;

import dev.weft.output.Output;
import dev.weft.output.OutputFactory;
import dev.weft.output.OutputParams;

/**
 * {@code --out influxdb[=http://user:pass@host:8086/db?...]} (InfluxDB 1.x, as k6's built-in
 * output) or {@code --out xk6-influxdb[=http://host:8086/bucket?...]} (InfluxDB 2.x, as the
 * xk6-output-influxdb extension); settings also from {@code K6_INFLUXDB_*}. The CLI creates one
 * per {@code --out}.
 */
public final class InfluxOutputFactory implements OutputFactory {
    private final boolean v2;

    private InfluxOutputFactory(boolean v2) {
        this.v2 = v2;
    }

    /** {@code --out influxdb}: the 1.x API. */
    public static InfluxOutputFactory v1() {
        return new InfluxOutputFactory(false);
    }

    /** {@code --out xk6-influxdb}: the 2.x API. */
    public static InfluxOutputFactory v2() {
        return new InfluxOutputFactory(true);
    }

    @Override
    public String name() {
        return v2 ? "xk6-influxdb" : "influxdb";
    }

    @Override
    public Output create(OutputParams params) {
        return new InfluxOutput(InfluxConfig.from(v2, params.env(), params.argument()));
    }
}
