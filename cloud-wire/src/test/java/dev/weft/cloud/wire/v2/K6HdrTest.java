package dev.weft.cloud.wire.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class K6HdrTest {

    @ParameterizedTest(name = "{0} resolutions fall in bucket {1}")
    @CsvSource({
            "-12, 0", "0, 0", "0.12, 1", "1.91, 2", "12.5, 13", "255, 255", "256, 256", "282.29, 269",
            "1029, 512", "39751, 1179", "100000, 1347", "183000, 1458", "184000, 1459", "200000, 1475",
            "1048576, 1792", "1073741823, 3071", "1073741824, 3072", "2147483647, 3199", "4294967295, 3327",
            "9223372036854775807, 7296"})
    void aValueFallsInK6sBucket(double scaled, long index) {
        assertThat(K6Hdr.bucketIndex(scaled)).isEqualTo(index);
    }

    @Test
    void everyBucketsRangeMapsBackToThatBucket() {
        // up to 2^53, where a double still holds every whole number
        for (long index = 1; index < 46 << 7; index++) {
            assertThat(K6Hdr.bucketIndex(K6Hdr.bucketFirst(index))).as("first of %d", index).isEqualTo(index);
            assertThat(K6Hdr.bucketIndex(K6Hdr.bucketLast(index))).as("last of %d", index).isEqualTo(index);
            if (index > 1) {
                assertThat(K6Hdr.bucketFirst(index)).as("contiguous at %d", index)
                        .isEqualTo(K6Hdr.bucketLast(index - 1) + 1);
            }
        }
    }

    @Test
    void aBucketsRepresentativeIsWithinOneBucketWidthOfItsValues() {
        double value = 123.456;
        long index = K6Hdr.bucketIndex(value / K6Hdr.DEFAULT_MIN_RESOLUTION);

        assertThat(K6Hdr.representative(index, K6Hdr.DEFAULT_MIN_RESOLUTION)).isCloseTo(value,
                org.assertj.core.data.Percentage.withPercentage(0.8));
        assertThat(K6Hdr.representative(12, 1.0)).isEqualTo(12.0);
    }

    @Test
    void valuesWithGapsBetweenThemBecomeSpansWithGapOffsets() {
        K6Hdr hdr = new K6Hdr(1.0);
        for (double v : new double[] {5, 6, 6, 7, 10, 200, 201}) {
            hdr.add(v);
        }

        TrendHdrValue value = hdr.toValue(1_700_000_000L);

        assertThat(value.counters()).containsExactly(1, 2, 1, 1, 1, 1);
        assertThat(value.spans()).containsExactly(new BucketSpan(5, 3), new BucketSpan(2, 1), new BucketSpan(189, 2));
        assertThat(value.count()).isEqualTo(7);
        assertThat(value.sum()).isEqualTo(435.0);
        assertThat(value.minValue()).isEqualTo(5.0);
        assertThat(value.maxValue()).isEqualTo(201.0);
        List<Long> indexes = new ArrayList<>();
        value.forEachBucket((i, n) -> indexes.add(i));
        assertThat(indexes).containsExactly(5L, 6L, 7L, 10L, 200L, 201L);
    }

    @Test
    void negativeAndHugeValuesAreCountedApart() {
        K6Hdr hdr = new K6Hdr(1.0);
        hdr.add(-3.14);
        hdr.add(5);
        hdr.add(1e30);

        TrendHdrValue value = hdr.toValue(0);

        assertThat(value.extraLowValuesCounter()).isEqualTo(1);
        assertThat(value.extraHighValuesCounter()).isEqualTo(1);
        assertThat(value.bucketedCount()).isEqualTo(1);
        assertThat(value.count()).isEqualTo(3);
    }

    @Test
    void anEmptyHistogramHasNoSpans() {
        TrendHdrValue value = new K6Hdr().toValue(7);

        assertThat(value.spans()).isEmpty();
        assertThat(value.counters()).isEmpty();
        assertThat(value.count()).isZero();
    }
}
