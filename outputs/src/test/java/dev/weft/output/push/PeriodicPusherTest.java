package dev.weft.output.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PeriodicPusherTest {
    private static final Sample ONE = new Sample(Metric.counter("c"), Tags.EMPTY, 1, 1);

    private static List<Sample> samples(int n) {
        List<Sample> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(ONE);
        }
        return list;
    }

    @Test
    void stop_pushes_everything_still_buffered() throws Exception {
        List<Sample> pushed = new CopyOnWriteArrayList<>();
        PeriodicPusher p = new PeriodicPusher("t", Duration.ofHours(1), 100, batch -> {
            pushed.addAll(batch);
            return 0;
        });
        p.start();
        p.add(samples(3));
        p.add(samples(4));
        p.stop();
        assertThat(pushed).hasSize(7);
        assertThat(p.stats()).isEqualTo(new PushStats(7, 0, 0, 0));
    }

    @Test
    void samples_beyond_the_buffer_bound_are_dropped_and_counted_never_waited_for() throws Exception {
        PeriodicPusher p = new PeriodicPusher("t", Duration.ofHours(1), 10, batch -> 0);
        p.start();
        p.add(samples(6));
        p.add(samples(6));
        p.add(samples(4));
        p.stop();
        assertThat(p.stats()).isEqualTo(new PushStats(10, 6, 0, 0));
        assertThat(p.stats().dropped()).isEqualTo(6);
    }

    @Test
    void a_failed_push_counts_its_samples_and_the_next_push_goes_on() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        PeriodicPusher p = new PeriodicPusher("t", Duration.ofMillis(10), 100, batch -> {
            sizes.add(batch.size());
            if (sizes.size() == 1) {
                throw new IOException("refused");
            }
            return 1;
        });
        p.start();
        p.add(samples(5));
        while (sizes.isEmpty()) {
            Thread.sleep(5);
        }
        p.add(samples(3));
        p.stop();
        assertThat(p.stats()).isEqualTo(new PushStats(2, 0, 6, 1));
    }
}
