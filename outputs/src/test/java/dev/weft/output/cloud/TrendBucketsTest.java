package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cloud.wire.v2.K6Hdr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrendBucketsTest {
    @ParameterizedTest(name = "{0} (in thousandths) falls into bucket {1}")
    @CsvSource({
        "0, 0",
        "0.2, 1",
        "1, 1",
        "255, 255",
        "255.5, 256",
        "256, 256",
        "257, 256",
        "258, 257",
        "511, 383",
        "512, 384",
        "513, 384",
        "516, 385",
        "1000, 506",
        "100000, 1347",
    })
    void valuesFallIntoK6sBuckets(double scaled, int bucket) {
        assertThat(TrendBuckets.bucketOf(scaled)).isEqualTo(bucket);
    }

    @Test
    void aBucketsLowestValueFallsIntoItAndTheValueBelowDoesNot() {
        for (int bucket = 1; bucket < 4000; bucket++) {
            long low = (long) K6Hdr.bucketFirst(bucket);
            assertThat(TrendBuckets.bucketOf(low)).as("bucket %d from %d", bucket, low).isEqualTo(bucket);
            assertThat(TrendBuckets.bucketOf(low - 1)).as("below bucket %d", bucket).isLessThan(bucket);
        }
    }

    @Test
    void keepsCountsPerBucketSortedAndMerges() {
        TrendBuckets a = new TrendBuckets();
        a.add(0.5);
        a.add(0.1);
        a.add(0.5);
        a.add(-1);
        TrendBuckets b = new TrendBuckets();
        b.add(0.1);
        b.add(2.0);
        a.merge(b);

        assertThat(a.size()).isEqualTo(3);
        assertThat(new int[] {a.bucketAt(0), a.bucketAt(1), a.bucketAt(2)})
                .containsExactly(TrendBuckets.bucketOf(100), TrendBuckets.bucketOf(500), TrendBuckets.bucketOf(2000));
        assertThat(new long[] {a.countAt(0), a.countAt(1), a.countAt(2)}).containsExactly(2, 2, 1);
        assertThat(a.extraLow()).isEqualTo(1);
    }
}
