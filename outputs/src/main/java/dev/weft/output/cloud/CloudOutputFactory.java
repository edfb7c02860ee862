package dev.weft.output.cloud;

import dev.weft.output.Output;
import dev.weft.output.OutputFactory;
import dev.weft.output.OutputParams;
import java.time.Clock;

/**
 * Makes the {@code cloud} output ({@code --out cloud}, or {@code --out cloud=NAME} naming the
 * test run as k6 does); settings come from {@link CloudConfig#resolve}.
 */
public final class CloudOutputFactory implements OutputFactory {
    @Override
    public String name() {
        return "cloud";
    }

    @Override
    public Output create(OutputParams params) {
        return new CloudOutput(CloudConfig.resolve(params.env(), params.options(), params.argument()), params,
                Clock.systemUTC());
    }
}
