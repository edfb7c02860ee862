package dev.weft.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrendSinkTest {

    @Test
    void smallTrendsGetK6sExactInterpolatedPercentiles() {
        TrendSink t = new TrendSink();
        for (double v : new double[] {4, 1, 3, 2}) {
            t.add(v);
        }
        assertThat(t.count()).isEqualTo(4);
        assertThat(t.min()).isEqualTo(1);
        assertThat(t.max()).isEqualTo(4);
        assertThat(t.avg()).isEqualTo(2.5);
        assertThat(t.percentile(0.5)).isEqualTo(2.5);
        assertThat(t.stat("p(90)", Duration.ZERO)).isCloseTo(3.7, within(1e-9));
        assertThat(t.stat("med", Duration.ZERO)).isEqualTo(2.5);
    }

    @Test
    void anEmptyTrendReportsZeros() {
        TrendSink t = new TrendSink();
        assertThat(t.isEmpty()).isTrue();
        assertThat(t.summaryValues(Duration.ZERO, List.of("avg", "min", "med", "max", "p(95)", "count")))
                .containsOnly(java.util.Map.entry("avg", 0.0), java.util.Map.entry("min", 0.0),
                        java.util.Map.entry("med", 0.0), java.util.Map.entry("max", 0.0),
                        java.util.Map.entry("p(95)", 0.0), java.util.Map.entry("count", 0.0));
    }

    @ParameterizedTest(name = "percentiles of {0} log-normal values are within 1%")
    @ValueSource(ints = {10_000, 1_000_000})
    void largeTrendsStayWithinOnePercentOfExactPercentiles(int n) {
        Random random = new Random(42);
        double[] values = new double[n];
        TrendSink t = new TrendSink();
        for (int i = 0; i < n; i++) {
            values[i] = Math.exp(random.nextGaussian() * 1.5 + 3); // ~20 ms median, long tail, sub-ms values
            t.add(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999}) {
            double rank = p * (n - 1);
            double exact = values[(int) Math.floor(rank)]
                    + (values[(int) Math.ceil(rank)] - values[(int) Math.floor(rank)]) * (rank - Math.floor(rank));
            assertThat(t.percentile(p)).as("p(%s)", p * 100).isCloseTo(exact, within(exact * 0.01));
        }
        assertThat(t.count()).isEqualTo(n);
        assertThat(t.min()).isEqualTo(values[0]);
        assertThat(t.max()).isEqualTo(values[n - 1]);
        assertThat(t.percentile(1)).isEqualTo(values[n - 1]);
    }

    @Test
    void negativeZeroAndHugeValuesAreOrderedCorrectly() {
        TrendSink t = new TrendSink();
        int n = TrendSink.EXACT_LIMIT * 3;
        for (int i = 0; i < n; i++) {
            t.add(i % 3 == 0 ? -1000 : i % 3 == 1 ? 0 : 1e12);
        }
        assertThat(t.percentile(0.1)).isCloseTo(-1000, within(10.0));
        assertThat(t.percentile(0.5)).isZero();
        assertThat(t.percentile(0.9)).isCloseTo(1e12, within(1e10));
    }
}
