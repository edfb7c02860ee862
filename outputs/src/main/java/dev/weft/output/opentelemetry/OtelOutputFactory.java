package dev.weft.output.opentelemetry;

import dev.weft.output.Output;
import dev.weft.output.OutputFactory;
import dev.weft.output.OutputParams;

/**
 * {@code --out opentelemetry}: settings from {@code K6_OTEL_*} variables (k6 takes no argument
 * for this output). The CLI creates one per {@code --out opentelemetry}.
 */
public final class OtelOutputFactory implements OutputFactory {
    /** Weft's version, the default {@code service.version} (k6 puts its own version there). */
    static final String WEFT_VERSION = "0.1.0";

    @Override
    public String name() {
        return "opentelemetry";
    }

    @Override
    public Output create(OutputParams params) {
        if (params.argument() != null && !params.argument().isBlank()) {
            throw new IllegalArgumentException("the opentelemetry output takes no argument; set K6_OTEL_* variables");
        }
        return new OtelOutput(OtelConfig.from(params.env(), WEFT_VERSION));
    }
}
