package dev.weft.pipeline;

import dev.weft.metrics.Sample;
import dev.weft.output.Output;
import dev.weft.output.RunStatus;
import dev.weft.output.WithRunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An output that records what the pipeline did to it, for assertions. */
class RecordingOutput implements Output, WithRunStatus {
    final String name;
    final List<String> events;
    final List<List<Sample>> batches = new CopyOnWriteArrayList<>();
    volatile RunStatus status;
    boolean failOnStart;

    RecordingOutput(String name, List<String> sharedEvents) {
        this.name = name;
        this.events = sharedEvents;
    }

    RecordingOutput(String name) {
        this(name, new CopyOnWriteArrayList<>());
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public void start() throws Exception {
        if (failOnStart) {
            throw new IllegalStateException(name + " cannot start");
        }
        events.add("start " + name);
    }

    @Override
    public void addMetricSamples(List<Sample> samples) {
        batches.add(samples);
    }

    @Override
    public void setRunStatus(RunStatus status) {
        this.status = status;
        events.add("status " + name + " " + status);
    }

    @Override
    public void stop() {
        events.add("stop " + name);
    }

    List<Sample> samples() {
        List<Sample> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }
}
