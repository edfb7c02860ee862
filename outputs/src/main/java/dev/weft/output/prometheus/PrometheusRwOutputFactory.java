package dev.weft.output.prometheus;

import dev.weft.output.Output;
import dev.weft.output.OutputFactory;
import dev.weft.output.OutputParams;

/**
 * {@code --out experimental-prometheus-rw[=url=...,username=...,headers.X=...]}: settings from
 * {@code K6_PROMETHEUS_RW_*} variables, overridden by the argument. The CLI creates one per
 * {@code --out}.
 */
public final class PrometheusRwOutputFactory implements OutputFactory {
    @Override
    public String name() {
        return "experimental-prometheus-rw";
    }

    @Override
    public Output create(OutputParams params) {
        return new PrometheusRwOutput(PrometheusRwConfig.from(params.env(), params.argument()));
    }
}
