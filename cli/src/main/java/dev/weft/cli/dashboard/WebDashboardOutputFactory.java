package dev.weft.cli.dashboard;

import dev.weft.output.Output;
import dev.weft.output.OutputFactory;
import dev.weft.output.OutputParams;

/** Makes the {@code web-dashboard} output ({@code --out web-dashboard[=params]} or K6_WEB_DASHBOARD=true). */
public final class WebDashboardOutputFactory implements OutputFactory {
    @Override
    public String name() {
        return WebDashboardOutput.NAME;
    }

    @Override
    public Output create(OutputParams params) {
        return new WebDashboardOutput(DashboardSettings.parse(params.argument(), params.env()), params);
    }
}
