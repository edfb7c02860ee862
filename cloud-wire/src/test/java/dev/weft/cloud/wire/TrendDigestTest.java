package dev.weft.cloud.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Percentiles of a digest: k6's interpolated ones next to the nearest rank. */
class TrendDigestTest {
    @Test
    void anInterpolatedPercentileIsK6sLinearInterpolationBetweenTheSamplesAroundTheRank() {
        TrendDigest d = new TrendDigest();
        for (double v : new double[] {40, 10, 30, 20}) {
            d.record(v);
        }

        assertThat(d.percentileInterpolated(50)).isCloseTo(25, within(0.05));
        assertThat(d.percentileInterpolated(95)).isCloseTo(38.5, within(0.05));
        assertThat(d.percentileInterpolated(0)).isCloseTo(10, within(0.05));
        assertThat(d.percentileInterpolated(100)).isCloseTo(40, within(0.05));
        assertThat(d.percentile(50)).as("the nearest rank").isCloseTo(20, within(0.05));
    }

    @Test
    void aMergedDigestStoredAsBytesInterpolatesTheSame() {
        TrendDigest a = new TrendDigest();
        a.record(1.5, 3);
        TrendDigest b = new TrendDigest();
        b.record(7.25);
        TrendDigest merged = new TrendDigest();
        merged.addBytes(a.toBytes());
        merged.addBytes(b.toBytes());

        assertThat(merged.count()).isEqualTo(4);
        assertThat(merged.percentileInterpolated(90)).isCloseTo(1.5 + (7.25 - 1.5) * 0.7, within(0.01));
        assertThat(new TrendDigest().percentileInterpolated(95)).isZero();
    }
}
