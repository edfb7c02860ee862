package dev.weft.http;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.SampleSink;
import java.util.ArrayList;
import java.util.List;

/** Captures samples for assertions; one test thread only. */
final class RecordingSink implements SampleSink {
    final List<Sample> samples = new ArrayList<>();

    @Override
    public void push(Sample sample) {
        samples.add(sample);
    }

    List<Sample> of(Metric metric) {
        return samples.stream().filter(s -> s.metric().equals(metric)).toList();
    }
}
