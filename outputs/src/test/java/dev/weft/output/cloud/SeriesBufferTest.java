package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesBufferTest {
    private static final Tags GET = Tags.of("method", "GET");

    private static List<Sample> perSecond(Metric m, int seconds, int perSecond, Tags tags) {
        List<Sample> out = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            for (int i = 0; i < perSecond; i++) {
                out.add(new Sample(m, tags, 1_000_000L + s * 1000L + i, 10 + i));
            }
        }
        return out;
    }

    private static long total(List<SeriesBuffer.Entry> entries) {
        return entries.stream().mapToLong(e -> e.aggregate().count).sum();
    }

    @Test
    void foldsSamplesIntoOneAggregatePerSeriesAndSecond() {
        SeriesBuffer buffer = new SeriesBuffer(1 << 20);
        buffer.addAll(perSecond(BuiltinMetrics.HTTP_REQ_DURATION, 3, 100, GET), s -> s);
        buffer.addAll(List.of(new Sample(BuiltinMetrics.HTTP_REQS, GET, 1_000_000L, 1),
                new Sample(BuiltinMetrics.HTTP_REQS, GET, 1_000_500L, 1)), s -> s);

        List<SeriesBuffer.Entry> first = buffer.take(1001, 100);
        assertThat(first).hasSize(2);
        SeriesBuffer.Entry trend = first.stream().filter(e -> e.series().metric() == BuiltinMetrics.HTTP_REQ_DURATION)
                .findFirst().orElseThrow();
        assertThat(trend.second()).isEqualTo(1000);
        assertThat(trend.aggregate().count).isEqualTo(100);
        assertThat(trend.aggregate().min).isEqualTo(10);
        assertThat(trend.aggregate().max).isEqualTo(109);
        assertThat(trend.aggregate().buckets.size()).isEqualTo(100);
        assertThat(buffer.samples()).isEqualTo(200);
        assertThat(total(buffer.take(Long.MAX_VALUE, 100))).isEqualTo(200);
        assertThat(buffer.samples()).isZero();
        assertThat(buffer.stats().bytes()).isZero();
    }

    @Test
    void takesAtMostTheAskedNumberOfAggregatesOldestFirst() {
        SeriesBuffer buffer = new SeriesBuffer(16 << 20);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            samples.add(new Sample(BuiltinMetrics.HTTP_REQS, Tags.of("url", "/" + i), 1_000_000L, 1));
            samples.add(new Sample(BuiltinMetrics.HTTP_REQS, Tags.of("url", "/" + i), 1_001_000L, 1));
        }
        buffer.addAll(samples, s -> s);

        List<SeriesBuffer.Entry> first = buffer.take(Long.MAX_VALUE, 100);
        assertThat(first).hasSize(100).allMatch(e -> e.second() == 1000);
        List<SeriesBuffer.Entry> rest = buffer.take(Long.MAX_VALUE, 1000);
        assertThat(rest).hasSize(400);
        assertThat(total(first) + total(rest)).isEqualTo(500);
    }

    @Test
    void pastItsBudgetItMergesSecondsKeepingEveryCountBeforeDroppingAnything() {
        SeriesBuffer buffer = new SeriesBuffer(256 << 10);
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s < 600; s++) {
            for (int i = 0; i < 20; i++) {
                samples.add(new Sample(BuiltinMetrics.HTTP_REQ_DURATION, Tags.of("url", "/" + i), 1_000_000L + s * 1000L,
                        s + i));
            }
        }
        buffer.addAll(samples, s -> s);

        SeriesBuffer.Stats stats = buffer.stats();
        assertThat(stats.mergedSlots()).isPositive();
        assertThat(stats.droppedSamples()).isZero();
        assertThat(stats.bytes()).isLessThanOrEqualTo(256 << 10);
        List<SeriesBuffer.Entry> all = buffer.take(Long.MAX_VALUE, Integer.MAX_VALUE);
        assertThat(total(all)).isEqualTo(12_000);
        assertThat(all).allMatch(e -> e.second() >= 1000 && e.second() < 1600);
        assertThat(all.stream().mapToDouble(e -> e.aggregate().max).max().orElseThrow()).isEqualTo(618);
        assertThat(all.size()).isLessThan(12_000 / 2);
    }

    @Test
    void whenMergingCannotHelpItDropsTheOldestAndCountsThem() {
        SeriesBuffer buffer = new SeriesBuffer(1 << 20);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            samples.add(new Sample(BuiltinMetrics.HTTP_REQS, Tags.of("url", "/unique/" + i), 1_000_000L + i / 100 * 1000L,
                    1));
        }
        long taken = buffer.addAll(samples, s -> s);

        SeriesBuffer.Stats stats = buffer.stats();
        assertThat(taken).isEqualTo(100_000);
        assertThat(stats.bytes()).isLessThanOrEqualTo(1 << 20);
        assertThat(stats.droppedSamples()).isPositive();
        assertThat(stats.droppedAggregates()).isEqualTo(stats.droppedSamples());
        List<SeriesBuffer.Entry> left = buffer.take(Long.MAX_VALUE, Integer.MAX_VALUE);
        assertThat(total(left) + stats.droppedSamples()).isEqualTo(100_000);
        assertThat(left).anyMatch(e -> e.series().tags().get("url").equals("/unique/99999"));
    }

    @Test
    void aSeriesInManySecondsHoldsItsTagsOnceAndForgetsThemWhenTaken() {
        SeriesBuffer buffer = new SeriesBuffer(1 << 20);
        Tags tags = Tags.of("url", "http://service.test/a/rather/long/path/to/make/the/tags/weigh", "method", "GET");
        buffer.addAll(List.of(new Sample(BuiltinMetrics.HTTP_REQS, tags, 1_000L, 1)), s -> s);
        long first = buffer.stats().bytes();
        buffer.addAll(List.of(new Sample(BuiltinMetrics.HTTP_REQS, Tags.of("url", tags.get("url"), "method", "GET"),
                2_000L, 1)), s -> s);
        long second = buffer.stats().bytes() - first;

        assertThat(second).isLessThan(first - SeriesBuffer.tagBytes(tags) + 1);
        assertThat(buffer.take(Long.MAX_VALUE, 10)).hasSize(2);
        assertThat(buffer.stats().bytes()).isZero();
    }

    @Test
    void skipsValuesTheServiceCouldNotStore() {
        SeriesBuffer buffer = new SeriesBuffer(1 << 20);
        long taken = buffer.addAll(List.of(new Sample(BuiltinMetrics.VUS, Tags.EMPTY, 1000, Double.NaN),
                new Sample(BuiltinMetrics.VUS, Tags.EMPTY, 1000, Double.POSITIVE_INFINITY),
                new Sample(BuiltinMetrics.VUS, Tags.EMPTY, 1000, 3)), s -> s);

        assertThat(taken).isEqualTo(1);
        assertThat(buffer.take(Long.MAX_VALUE, 10)).singleElement().satisfies(e -> assertThat(e.aggregate().last)
                .isEqualTo(3));
    }

    @Test
    void aBudgetBelowOneKibibyteIsRefused() {
        assertThatThrownBy(() -> new SeriesBuffer(10)).hasMessageContaining("at least 1 KiB");
    }
}
