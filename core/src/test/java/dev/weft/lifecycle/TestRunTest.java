package dev.weft.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.executor.ConstantVus;
import dev.weft.executor.Executor;
import dev.weft.executor.PerVuIterations;
import dev.weft.executor.Scenario;
import dev.weft.executor.SharedIterations;
import dev.weft.metrics.Tags;
import dev.weft.metrics.SampleSink;
import dev.weft.vu.FakeVuFactory;
import dev.weft.vu.RecordingVus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRunTest {
    /** Setup and teardown that write to the VUs' event log. */
    private static final class RecordingStages implements SetupTeardown {
        private final RecordingVus log;
        private final String setupResult;
        private final String setupError;
        volatile String teardownGot;

        RecordingStages(RecordingVus log, String setupResult, String setupError) {
            this.log = log;
            this.setupResult = setupResult;
            this.setupError = setupError;
        }

        @Override
        public boolean hasSetup() {
            return true;
        }

        @Override
        public boolean hasTeardown() {
            return true;
        }

        @Override
        public String setup(Duration timeout) throws StageException {
            log.event("setup");
            if (setupError != null) {
                throw new StageException(setupError, false);
            }
            return setupResult;
        }

        @Override
        public void teardown(String setupData, Duration timeout) {
            teardownGot = setupData;
            log.event("teardown");
        }
    }

    private static Scenario scenario(String name, String type, Duration startTime) {
        return new Scenario(name, type, "default", startTime, Duration.ofSeconds(1), Map.of(), Tags.EMPTY);
    }

    private static TestRun.Plan plan(List<Executor> executors) {
        return new TestRun.Plan(executors, true, true, Duration.ofSeconds(5), Duration.ofSeconds(5), Tags.EMPTY);
    }

    @Test
    void runsSetupBeforeAnyIterationAndTeardownAfterTheLast() throws Exception {
        FakeVuFactory vus = new FakeVuFactory().iterationTime(Duration.ofMillis(5));
        RecordingStages stages = new RecordingStages(vus.recording(), "{\"n\":1}", null);
        List<Executor> executors = List.of(
                new ConstantVus(scenario("a", ConstantVus.TYPE, Duration.ZERO), new ConstantVus.Config(2, Duration.ofMillis(150))),
                new SharedIterations(scenario("b", SharedIterations.TYPE, Duration.ofMillis(50)),
                        new SharedIterations.Config(2, 10, Duration.ofSeconds(5))));

        RunResult result = new TestRun(plan(executors), vus, stages, SampleSink.DISCARD, Clock.systemUTC()).run();

        List<String> events = vus.recording().events();
        assertThat(events.get(0)).isEqualTo("setup");
        assertThat(events.get(events.size() - 1)).isEqualTo("teardown");
        assertThat(events.subList(1, events.size() - 1)).isNotEmpty().containsOnly("iteration");
        assertThat(result.failed()).isFalse();
        assertThat(result.completedIterations()).isEqualTo(vus.recording().iterations());
        assertThat(vus.recording().closedVus()).isEqualTo(4);
    }

    @Test
    void setupDataReachesEveryIterationAndTeardown() throws Exception {
        FakeVuFactory vus = new FakeVuFactory();
        RecordingStages stages = new RecordingStages(vus.recording(), "{\"token\":\"abc\"}", null);
        new TestRun(plan(List.of(new PerVuIterations(scenario("p", PerVuIterations.TYPE, Duration.ZERO),
                new PerVuIterations.Config(3, 2, Duration.ofSeconds(5))))), vus, stages, SampleSink.DISCARD,
                Clock.systemUTC()).run();

        assertThat(vus.recording().starts()).hasSize(6)
                .allSatisfy(s -> assertThat(s.context().setupData()).isEqualTo("{\"token\":\"abc\"}"));
        assertThat(stages.teardownGot).isEqualTo("{\"token\":\"abc\"}");
    }

    @Test
    void aFailedSetupRunsNoIterationAndExitsWithScriptException() throws Exception {
        FakeVuFactory vus = new FakeVuFactory();
        RecordingStages stages = new RecordingStages(vus.recording(), null, "Error: boom at setup (script.js:4:9)");
        RunResult result = new TestRun(plan(List.of(new PerVuIterations(scenario("p", PerVuIterations.TYPE, Duration.ZERO),
                new PerVuIterations.Config(2, 1, Duration.ofSeconds(5))))), vus, stages, SampleSink.DISCARD,
                Clock.systemUTC()).run();

        assertThat(vus.recording().iterations()).isZero();
        assertThat(result.failure()).isEqualTo(ExitCode.SCRIPT_EXCEPTION);
        assertThat(result.error()).contains("setup() failed").contains("boom");
        assertThat(vus.recording().closedVus()).isEqualTo(2);
    }

    @Test
    void aVuWhoseInitFailsFailsTheRunBeforeSetup() throws Exception {
        FakeVuFactory vus = new FakeVuFactory().failInitOf(2);
        RecordingStages stages = new RecordingStages(vus.recording(), null, null);
        RunResult result = new TestRun(plan(List.of(new PerVuIterations(scenario("p", PerVuIterations.TYPE, Duration.ZERO),
                new PerVuIterations.Config(3, 1, Duration.ofSeconds(5))))), vus, stages, SampleSink.DISCARD,
                Clock.systemUTC()).run();

        assertThat(result.failure()).isEqualTo(ExitCode.SCRIPT_EXCEPTION);
        assertThat(result.error()).contains("init failed for VU 2");
        assertThat(vus.recording().events()).doesNotContain("setup", "iteration");
    }

    @Test
    void anInitCheckThatRefusesFailsTheRunWithItsMessageBeforeSetup() throws Exception {
        FakeVuFactory vus = new FakeVuFactory();
        RecordingStages stages = new RecordingStages(vus.recording(), null, null);
        TestRun run = new TestRun(plan(List.of(new PerVuIterations(scenario("p", PerVuIterations.TYPE, Duration.ZERO),
                new PerVuIterations.Config(4, 1, Duration.ofSeconds(5))))), vus, stages, SampleSink.DISCARD,
                Clock.systemUTC(), (n, total) -> {
                    if (n == 3) {
                        throw new dev.weft.vu.VuInitException("VUs do not fit in the heap", null);
                    }
                });
        RunResult result = run.run();

        assertThat(result.failure()).isEqualTo(ExitCode.SCRIPT_EXCEPTION);
        assertThat(result.error()).isEqualTo("VUs do not fit in the heap");
        assertThat(run.initialisedVus()).isGreaterThanOrEqualTo(3);
        assertThat(vus.recording().events()).doesNotContain("setup", "iteration");
    }

    @Test
    void aStopWhileVusInitialiseEndsTheRunAsStoppedWithoutSetupOrIterations() throws Exception {
        FakeVuFactory vus = new FakeVuFactory();
        RecordingStages stages = new RecordingStages(vus.recording(), null, null);
        TestRun[] self = new TestRun[1];
        TestRun run = new TestRun(plan(List.of(new PerVuIterations(scenario("p", PerVuIterations.TYPE, Duration.ZERO),
                new PerVuIterations.Config(4, 1, Duration.ofSeconds(5))))), vus, stages, SampleSink.DISCARD,
                Clock.systemUTC(), (n, total) -> {
                    if (n == 1) {
                        self[0].stop(StopReason.USER); // Ctrl-C during init
                    }
                });
        self[0] = run;
        RunResult result = run.run();

        assertThat(result.failure()).isEqualTo(ExitCode.EXTERNAL_ABORT);
        assertThat(result.stopReason()).isEqualTo(StopReason.USER);
        assertThat(vus.recording().events()).doesNotContain("setup", "iteration");
    }

    @Test
    void scriptAbortEndsTheRunWithItsOwnCodeAndStillTearsDown() throws Exception {
        FakeVuFactory vus = new FakeVuFactory().iterationTime(Duration.ofMillis(5));
        vus.abortWhen(c -> c.scenarioIteration() == 2);
        RecordingStages stages = new RecordingStages(vus.recording(), null, null);
        RunResult result = new TestRun(plan(List.of(new ConstantVus(scenario("a", ConstantVus.TYPE, Duration.ZERO),
                new ConstantVus.Config(1, Duration.ofSeconds(30))))), vus, stages, SampleSink.DISCARD,
                Clock.systemUTC()).run();

        assertThat(result.stopReason()).isEqualTo(StopReason.SCRIPT);
        assertThat(result.failure()).isEqualTo(ExitCode.SCRIPT_ABORTED);
        assertThat(vus.recording().events()).last().isEqualTo("teardown");
    }

    @Test
    void theTestsClockStartsAfterVuInitSoTheSummarysRatesLeaveInitOut() throws Exception {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong(1);
        long second = 1_000_000_000L;
        FakeVuFactory fake = new FakeVuFactory();
        dev.weft.vu.VuFactory slowInit = id -> {
            nanos.addAndGet(60 * second); // each VU's init code "takes" a minute
            return fake.create(id);
        };
        SetupTeardown stages = new SetupTeardown() {
            @Override
            public boolean hasSetup() {
                return true;
            }

            @Override
            public boolean hasTeardown() {
                return false;
            }

            @Override
            public String setup(Duration timeout) {
                nanos.addAndGet(2 * second); // setup() counts, as in k6
                return null;
            }

            @Override
            public void teardown(String setupData, Duration timeout) {
            }
        };
        List<Executor> executors = List.of(new PerVuIterations(scenario("a", PerVuIterations.TYPE, Duration.ZERO),
                new PerVuIterations.Config(3, 4, Duration.ofSeconds(5))));
        java.util.concurrent.ConcurrentLinkedQueue<dev.weft.metrics.Sample> samples =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        TestRun run = new TestRun(plan(executors), slowInit, stages, samples::add, Clock.systemUTC(), nanos::get);
        assertThat(run.elapsed()).isZero();

        RunResult result = run.run();

        assertThat(run.initDuration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(run.elapsed()).isEqualTo(result.duration());
        // the summary made from this run: 12 iterations in 2 s, not in the 182 s since the process began init
        var aggregates = new dev.weft.metrics.MetricAggregates();
        aggregates.ingest(List.copyOf(samples));
        var data = dev.weft.summary.SummaryData.build(aggregates, new dev.weft.summary.GroupTree(), null,
                dev.weft.summary.SummaryOptions.defaults(), result.duration(), null);
        assertThat(data.getAsJsonObject("metrics").getAsJsonObject("iterations").getAsJsonObject("values")
                .toString()).isEqualTo("{\"count\":12,\"rate\":6}");
    }
}
