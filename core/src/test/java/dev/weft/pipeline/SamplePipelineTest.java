package dev.weft.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.CounterSink;
import dev.weft.metrics.MetricAggregates;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.output.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SamplePipelineTest {
    private static final Sample ONE = new Sample(BuiltinMetrics.ITERATIONS, Tags.EMPTY, 0, 1);

    @Test
    void manyVirtualThreadsPushingConcurrentlyLoseNothing() throws Exception {
        MetricAggregates aggregates = new MetricAggregates();
        RecordingOutput out = new RecordingOutput("recording");
        SamplePipeline pipeline = SamplePipeline.builder().ingester(aggregates::ingest).output(out)
                .flushInterval(Duration.ofMillis(5)).build();
        pipeline.start();
        int threads = 100;
        int perThread = 10_000;
        List<Thread> vus = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            vus.add(Thread.ofVirtual().start(() -> {
                for (int j = 0; j < perThread; j++) {
                    pipeline.push(ONE);
                }
            }));
        }
        for (Thread t : vus) {
            t.join();
        }
        pipeline.close(RunStatus.FINISHED);

        long total = (long) threads * perThread;
        assertThat(pipeline.droppedSamples()).isZero();
        assertThat(pipeline.acceptedSamples()).isEqualTo(total);
        assertThat(out.samples()).hasSize((int) total);
        CounterSink iterations = (CounterSink) aggregates.get("iterations").orElseThrow().sink();
        assertThat(iterations.count()).isEqualTo(total);
    }

    @Test
    void beyondTheBoundSamplesAreCountedAsDropped() throws Exception {
        RecordingOutput out = new RecordingOutput("recording");
        SamplePipeline pipeline = SamplePipeline.builder().capacity(10).output(out).flushInterval(Duration.ZERO).build();
        pipeline.start();
        for (int i = 0; i < 25; i++) {
            pipeline.push(ONE);
        }
        assertThat(pipeline.droppedSamples()).isEqualTo(15);
        pipeline.flush();
        pipeline.push(ONE);
        pipeline.close();
        assertThat(out.samples()).hasSize(11);
        assertThat(pipeline.droppedSamples()).isEqualTo(15);
    }

    @Test
    void samplesPushedTogetherArriveInOrderBesideSinglePushes() throws Exception {
        RecordingOutput out = new RecordingOutput("recording");
        SamplePipeline pipeline = SamplePipeline.builder().output(out).flushInterval(Duration.ZERO).build();
        pipeline.start();
        Sample two = new Sample(BuiltinMetrics.ITERATIONS, Tags.EMPTY, 0, 2);
        Sample three = new Sample(BuiltinMetrics.ITERATIONS, Tags.EMPTY, 0, 3);
        pipeline.push(ONE);
        pipeline.pushAll(List.of(two, three));
        pipeline.pushAll(List.of());
        pipeline.close();
        assertThat(out.samples()).containsExactly(ONE, two, three);
        assertThat(pipeline.droppedSamples()).isZero();
    }

    @Test
    void samplesPushedTogetherAreKeptOrDroppedWholeLikeASingleSample() throws Exception {
        RecordingOutput out = new RecordingOutput("recording");
        SamplePipeline pipeline = SamplePipeline.builder().capacity(10).output(out).flushInterval(Duration.ZERO).build();
        pipeline.start();
        pipeline.pushAll(java.util.Collections.nCopies(8, ONE));
        pipeline.pushAll(java.util.Collections.nCopies(3, ONE)); // room at arrival: kept whole, 11 queued
        pipeline.pushAll(java.util.Collections.nCopies(2, ONE)); // no room: dropped whole
        pipeline.push(ONE);                                       // no room either
        assertThat(pipeline.droppedSamples()).isEqualTo(3);
        pipeline.close();
        pipeline.pushAll(List.of(ONE, ONE));
        assertThat(out.samples()).hasSize(11);
        assertThat(pipeline.droppedSamples()).isEqualTo(5);
    }

    @Test
    void pushesAfterCloseAreCountedAsDropped() throws Exception {
        SamplePipeline pipeline = SamplePipeline.builder().flushInterval(Duration.ZERO).build();
        pipeline.start();
        pipeline.close();
        pipeline.push(ONE);
        assertThat(pipeline.droppedSamples()).isEqualTo(1);
    }

    @Test
    void closeDrainsThenTellsTheStatusAndStopsOutputsInOrder() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        RecordingOutput a = new RecordingOutput("a", events);
        RecordingOutput b = new RecordingOutput("b", events);
        SamplePipeline pipeline = SamplePipeline.builder().output(a).output(b).flushInterval(Duration.ZERO).build();
        pipeline.start();
        pipeline.push(ONE);
        pipeline.push(ONE);
        pipeline.close(RunStatus.ABORTED_THRESHOLD);
        assertThat(events).containsExactly("start a", "start b", "status a ABORTED_THRESHOLD", "stop a",
                "status b ABORTED_THRESHOLD", "stop b");
        assertThat(a.samples()).hasSize(2);
        assertThat(b.batches).isEqualTo(a.batches);
    }

    @Test
    void anOutputThatFailsToStartStopsTheOnesAlreadyStarted() {
        List<String> events = new CopyOnWriteArrayList<>();
        RecordingOutput a = new RecordingOutput("a", events);
        RecordingOutput b = new RecordingOutput("b", events);
        b.failOnStart = true;
        SamplePipeline pipeline = SamplePipeline.builder().output(a).output(b).flushInterval(Duration.ZERO).build();
        assertThatThrownBy(pipeline::start).hasMessageContaining("b cannot start");
        assertThat(events).containsExactly("start a", "stop a");
    }

    @Test
    void ingestersSeeABatchBeforeOutputsAndAfterFlushHooksRunOnlyWhenThereWasOne() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicInteger hooks = new AtomicInteger();
        SamplePipeline pipeline = SamplePipeline.builder()
                .ingester(batch -> order.add("ingest " + batch.size()))
                .output(new RecordingOutput("o") {
                    @Override
                    public void addMetricSamples(List<Sample> samples) {
                        order.add("output " + samples.size());
                    }
                })
                .afterEachFlush(hooks::incrementAndGet)
                .flushInterval(Duration.ZERO).build();
        pipeline.start();
        pipeline.flush();
        pipeline.push(ONE);
        pipeline.push(ONE);
        pipeline.flush();
        pipeline.close();
        assertThat(order).containsExactly("ingest 2", "output 2");
        assertThat(hooks).hasValue(1);
    }

    @Test
    void anOutputThatThrowsDoesNotStopTheOthers() throws Exception {
        RecordingOutput good = new RecordingOutput("good");
        SamplePipeline pipeline = SamplePipeline.builder()
                .output(new RecordingOutput("bad") {
                    @Override
                    public void addMetricSamples(List<Sample> samples) {
                        throw new IllegalStateException("disk full");
                    }
                })
                .output(good).flushInterval(Duration.ZERO).build();
        pipeline.start();
        pipeline.push(ONE);
        pipeline.close();
        assertThat(good.samples()).hasSize(1);
        assertThat(pipeline.outputErrors()).singleElement().satisfies(e -> assertThat(e).hasMessage("disk full"));
    }
}
