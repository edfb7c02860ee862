package dev.weft.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeHistogramTest {
    @Test
    void schema_3_buckets_hold_values_up_to_and_including_their_upper_bound() {
        assertThat(NativeHistogram.index(1.0)).isEqualTo(0);
        assertThat(NativeHistogram.index(1.0001)).isEqualTo(1);
        assertThat(NativeHistogram.index(Math.pow(2, 1.0 / 8))).isEqualTo(1);
        assertThat(NativeHistogram.index(2.0)).isEqualTo(8);
        assertThat(NativeHistogram.index(0.5)).isEqualTo(-8);
        assertThat(NativeHistogram.index(0.001)).isEqualTo((int) Math.ceil(Math.log(0.001) / Math.log(2) * 8));
    }

    @Test
    void count_sum_zero_bucket_and_bucket_counts_add_up() {
        NativeHistogram h = new NativeHistogram();
        h.add(0);
        h.add(1.0);
        h.add(1.0);
        h.add(2.0);
        h.add(Double.NaN);
        NativeHistogram.Snapshot s = h.snapshot();
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.sum()).isEqualTo(4.0);
        assertThat(s.zeroCount()).isEqualTo(1);
        assertThat(s.buckets()).isEqualTo(Map.of(0, 2L, 8, 1L));
    }
}
