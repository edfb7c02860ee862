package dev.weft.output.statsd;

import dev.weft.output.Output;
import dev.weft.output.OutputFactory;
import dev.weft.output.OutputParams;

/**
 * {@code --out statsd[=addr=host:port,namespace=..,...]}: settings from {@code K6_STATSD_*}
 * variables, overridden by the argument. The CLI creates one per {@code --out statsd}.
 */
public final class StatsdOutputFactory implements OutputFactory {
    @Override
    public String name() {
        return "statsd";
    }

    @Override
    public Output create(OutputParams params) {
        return new StatsdOutput(StatsdConfig.from(params.env(), params.argument()));
    }
}
