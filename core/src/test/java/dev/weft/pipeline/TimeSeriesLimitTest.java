package dev.weft.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.metrics.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSeriesLimitTest {
    private static final Metric REQS = Metric.counter("http_reqs");
    private static final Metric DURATION = Metric.trend("http_req_duration", ValueType.TIME);

    private static List<Sample> samples(Metric m, int from, int to) {
        List<Sample> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new Sample(m, Tags.of("url", "http://test/" + i, "method", "GET"), 1_000, 1));
        }
        return out;
    }

    @Test
    void countsEachMetricAndTagSetOnce() {
        List<String> warnings = new ArrayList<>();
        TimeSeriesLimit limit = new TimeSeriesLimit(warnings::add);
        limit.ingest(samples(REQS, 0, 1000));
        limit.ingest(samples(REQS, 0, 1000));
        limit.ingest(samples(DURATION, 0, 500));
        limit.ingest(List.of(new Sample(REQS, Tags.EMPTY, 1, 1), new Sample(REQS, null, 2, 1)));
        assertThat(limit.count()).isEqualTo(1501);
        assertThat(warnings).isEmpty();
    }

    @Test
    void warnsOnceWhenPassingTheLimitAndAgainAtEachDoubling() {
        List<String> warnings = new ArrayList<>();
        TimeSeriesLimit limit = new TimeSeriesLimit(warnings::add, 100);
        limit.ingest(samples(REQS, 0, 100));
        assertThat(warnings).isEmpty();
        limit.ingest(samples(REQS, 100, 101));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("101 unique time series", "suggested limit of 100000");
        limit.ingest(samples(REQS, 101, 200));
        assertThat(warnings).hasSize(1);
        limit.ingest(samples(REQS, 200, 450));
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)).contains("450 unique time series");
    }

    @Test
    void aMillionDistinctSeriesAreCountedExactlyEnoughAndWarnOnlyAtDoublings() {
        List<String> warnings = new ArrayList<>();
        TimeSeriesLimit limit = new TimeSeriesLimit(warnings::add);
        for (int i = 0; i < 1_000_000; i += 10_000) {
            limit.ingest(samples(REQS, i, i + 10_000));
        }
        assertThat(limit.count()).isBetween(999_990L, 1_000_000L);
        // 100k, 200k, 400k, 800k
        assertThat(warnings).hasSize(4);
    }

    @Test
    void aSeriesWithTheSameStringsInOtherPlacesIsAnotherSeries() {
        assertThat(TimeSeriesLimit.hash("m", Tags.of("a", "b")))
                .isNotEqualTo(TimeSeriesLimit.hash("m", Tags.of("b", "a")))
                .isNotEqualTo(TimeSeriesLimit.hash("a", Tags.of("m", "b")))
                .isEqualTo(TimeSeriesLimit.hash("m", Tags.of("a", "b")));
    }
}
