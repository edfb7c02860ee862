package dev.weft.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanizeTest {
    @ParameterizedTest(name = "{0} ms shows as {1}")
    @CsvSource({"0, 0s", "0.0005, 500ns", "0.25, 250µs", "0.123456, 123.45µs", "1.239, 1.23ms", "999.999, 999.99ms",
        "1000, 1s", "1234.5678, 1.23s", "61000, 1m1s", "3725000, 1h2m5s", "120000, 2m0s"})
    void timesUseK6sAutomaticUnits(double ms, String shown) {
        assertThat(Humanize.value(ms, "trend", "time", "")).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} bytes show as {1}")
    @CsvSource({"0, 0 B", "9, 9 B", "10, 10 B", "999, 999 B", "1000, 1.0 kB", "5200, 5.2 kB", "15000, 15 kB",
        "1234567, 1.2 MB", "2500000000, 2.5 GB"})
    void dataUsesPowersOfAThousand(double bytes, String shown) {
        assertThat(Humanize.value(bytes, "counter", "data", "")).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} shows as {1}")
    @CsvSource({"0.75, rate, 75.00%", "0.99999, rate, 99.99%", "1, rate, 100.00%", "3, gauge, 3", "0.1234567, gauge, 0.123457",
        "10.5, counter, 10.5"})
    void ratesArePercentagesAndPlainValuesHaveUpToSixDecimals(double v, String type, String shown) {
        assertThat(Humanize.value(v, type, "default", "")).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} ms in {1} shows as {2}")
    @CsvSource({"1234.5, s, 1.23s", "1234.5, ms, 1234.50ms", "1.5, us, 1500.00µs"})
    void aFixedTimeUnitUsesTwoDecimals(double ms, String unit, String shown) {
        assertThat(Humanize.duration(ms, unit)).isEqualTo(shown);
    }
}
