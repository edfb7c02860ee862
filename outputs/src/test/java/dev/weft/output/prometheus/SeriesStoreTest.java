package dev.weft.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesStoreTest {
    @Test
    void vu_and_iter_do_not_split_series_and_only_changed_series_are_sent_with_rising_times() {
        SeriesStore store = new SeriesStore(List.of("p(99)"), false);
        Metric reqs = Metric.counter("http_reqs");
        store.add(new Sample(reqs, Tags.of("status", "200", "vu", "1", "iter", "0"), 1000, 1));
        store.add(new Sample(reqs, Tags.of("status", "200", "vu", "2", "iter", "5"), 1000, 1));
        store.add(new Sample(Metric.gauge("vus"), Tags.EMPTY, 1000, 3));
        List<PromSeries> first = store.changed();
        assertThat(first).extracting(PromSeries::name).containsExactlyInAnyOrder("k6_http_reqs_total", "k6_vus");
        assertThat(first).filteredOn(s -> s.name().equals("k6_http_reqs_total")).singleElement()
                .satisfies(s -> {
                    assertThat(s.value()).isEqualTo(2);
                    assertThat(s.timestampMillis()).isEqualTo(1000);
                    assertThat(s.labels()).containsExactly(new PromSeries.Label("__name__", "k6_http_reqs_total"),
                            new PromSeries.Label("status", "200"));
                });
        store.add(new Sample(reqs, Tags.of("status", "200", "vu", "1", "iter", "1"), 1000, 1));
        assertThat(store.changed()).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(3);
            assertThat(s.timestampMillis()).isEqualTo(1001); // a second value at 1000 would be refused
        });
        assertThat(store.changed()).isEmpty();
    }

    @Test
    void k6s_stat_suffixes_and_label_names_prometheus_accepts() {
        assertThat(SeriesStore.statSuffix("p(99)")).isEqualTo("p99");
        assertThat(SeriesStore.statSuffix("p(99.9)")).isEqualTo("p999");
        assertThat(SeriesStore.statSuffix("p(0.95)")).isEqualTo("p095");
        assertThat(SeriesStore.statSuffix("avg")).isEqualTo("avg");
        assertThat(SeriesStore.labelName("my-tag.x")).isEqualTo("my_tag_x");
        assertThat(SeriesStore.labelName("9lives")).isEqualTo("_lives");
    }
}
