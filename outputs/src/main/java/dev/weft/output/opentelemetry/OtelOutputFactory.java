package dev.weft.output.opentelemetry;

import dev.weft.output.Output;
import dev.weft.output.OutputFactory;
import dev.weft.output.OutputParams;

/**
 * {@code --out experimental-opentelemetry} (k6 v1.3's name) or {@code --out opentelemetry}:
 * settings from {@code K6_OTEL_*} variables (k6 takes no argument for this output). The CLI
 * creates one per {@code --out}.
 */
public final class OtelOutputFactory implements OutputFactory {
    /** Weft's version, the default {@code service.version} (k6 puts its own version there). */
    static final String WEFT_VERSION = "0.1.0";

    private final String name;

    private OtelOutputFactory(String name) {
        this.name = name;
    }

    /** {@code experimental-opentelemetry}, as k6 v1.3 names it. */
    public static OtelOutputFactory experimental() {
        return new OtelOutputFactory("experimental-opentelemetry");
    }

    /** {@code opentelemetry}, the name without k6's experimental prefix. */
    public static OtelOutputFactory plain() {
        return new OtelOutputFactory("opentelemetry");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Output create(OutputParams params) {
        if (params.argument() != null && !params.argument().isBlank()) {
            throw new IllegalArgumentException("the opentelemetry output takes no argument; set K6_OTEL_* variables");
        }
        return new OtelOutput(OtelConfig.from(params.env(), WEFT_VERSION));
    }
}
