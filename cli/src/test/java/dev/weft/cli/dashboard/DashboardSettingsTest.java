package dev.weft.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.options.OptionsException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {
    @Test
    void theDefaultsAreK6sButTheHostIsLoopback() {
        DashboardSettings s = DashboardSettings.parse("", Map.of());

        assertThat(s).isEqualTo(new DashboardSettings("127.0.0.1", 5665, Duration.ofSeconds(10), false, null));
        assertThat(s.url(5665)).isEqualTo("http://127.0.0.1:5665");
    }

    @Test
    void k6sVariablesSetEverything() {
        DashboardSettings s = DashboardSettings.parse("", Map.of("K6_WEB_DASHBOARD_HOST", "::1",
                "K6_WEB_DASHBOARD_PORT", "0", "K6_WEB_DASHBOARD_PERIOD", "2s", "K6_WEB_DASHBOARD_OPEN", "true",
                "K6_WEB_DASHBOARD_EXPORT", "report.html"));

        assertThat(s).isEqualTo(new DashboardSettings("::1", 0, Duration.ofSeconds(2), true, "report.html"));
        assertThat(s.url(4000)).isEqualTo("http://[::1]:4000");
    }

    @Test
    void theOldReportNameStillWorksAndExportWins() {
        assertThat(DashboardSettings.parse("", Map.of("K6_WEB_DASHBOARD_REPORT", "old.html")).export())
                .isEqualTo("old.html");
        assertThat(DashboardSettings.parse("", Map.of("K6_WEB_DASHBOARD_REPORT", "old.html",
                "K6_WEB_DASHBOARD_EXPORT", "new.html")).export()).isEqualTo("new.html");
    }

    @Test
    void outParametersOverrideTheEnvironmentAsInK6() {
        DashboardSettings s = DashboardSettings.parse("port=6000&period=1m&open&export=out%2Fr.html&tag=url",
                Map.of("K6_WEB_DASHBOARD_PORT", "5000", "K6_WEB_DASHBOARD_EXPORT", "env.html"));

        assertThat(s).isEqualTo(new DashboardSettings("127.0.0.1", 6000, Duration.ofMinutes(1), true, "out/r.html"));
    }

    @Test
    void aNegativePortServesNothing() {
        assertThat(DashboardSettings.parse("port=-1", Map.of()).serves()).isFalse();
        assertThat(DashboardSettings.parse("", Map.of()).serves()).isTrue();
    }

    @Test
    void badValuesAreOneLineNamingTheVariable() {
        assertThatThrownBy(() -> DashboardSettings.parse("", Map.of("K6_WEB_DASHBOARD_PORT", "http")))
                .hasMessage("K6_WEB_DASHBOARD_PORT must be a whole number, got 'http'");
        assertThatThrownBy(() -> DashboardSettings.parse("", Map.of("K6_WEB_DASHBOARD_PERIOD", "soon")))
                .hasMessage("K6_WEB_DASHBOARD_PERIOD: invalid duration 'soon' (e.g. 10s, 1m)");
        assertThatThrownBy(() -> DashboardSettings.parse("colour=red", Map.of()))
                .hasMessage("--out web-dashboard: unknown parameter 'colour' (known: host, port, period, open, export)");
    }

    @Test
    void theSwitchReadsGoBooleans() {
        assertThat(DashboardSettings.enabled(Map.of("K6_WEB_DASHBOARD", "true"))).isTrue();
        assertThat(DashboardSettings.enabled(Map.of("K6_WEB_DASHBOARD", "1"))).isTrue();
        assertThat(DashboardSettings.enabled(Map.of("K6_WEB_DASHBOARD", "false"))).isFalse();
        assertThat(DashboardSettings.enabled(Map.of())).isFalse();
        assertThatThrownBy(() -> DashboardSettings.enabled(Map.of("K6_WEB_DASHBOARD", "yes")))
                .isInstanceOf(OptionsException.class).hasMessage("K6_WEB_DASHBOARD must be true or false, got 'yes'");
    }
}
