package dev.weft.lifecycle;

import dev.weft.executor.ExecutionState;
import dev.weft.executor.Executor;
import dev.weft.executor.Instance;
import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import dev.weft.vu.InitListener;
import dev.weft.vu.VuFactory;
import dev.weft.vu.VuInitException;
import dev.weft.vu.VuPool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * Runs one test through k6's stages, with barriers between them: every VU's init code, then
 * setup() once (0 active VUs), then all scenarios, then teardown() once after the last
 * iteration. {@link #run()} is called once and blocks; {@link #stop(StopReason)} and
 * {@link #hardStop()} may be called from any thread (signal handlers, threshold checks).
 */
public final class TestRun {
    /** What to run. */
    public record Plan(List<Executor> executors, boolean runSetup, boolean runTeardown, Duration setupTimeout,
            Duration teardownTimeout, Tags testTags, Instance instance) {
        /** A plan for the whole test (no execution segment), never paused at start. */
        public Plan(List<Executor> executors, boolean runSetup, boolean runTeardown, Duration setupTimeout,
                Duration teardownTimeout, Tags testTags) {
            this(executors, runSetup, runTeardown, setupTimeout, teardownTimeout, testTags, Instance.whole());
        }

        public int maxVus() {
            return executors.stream().mapToInt(Executor::maxVus).sum();
        }

        /** Longest the scenarios can take, start times and graceful stops included. */
        public Duration maxDuration() {
            return executors.stream().map(e -> e.scenario().startTime().plus(e.maxDuration())
                    .plus(e.scenario().gracefulStop())).max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }

    private final Plan plan;
    private final VuFactory vuFactory;
    private final SetupTeardown stages;
    private final SampleSink sink;
    private final Clock clock;
    private final InitListener initCheck;
    private final AtomicInteger initialisedVus = new AtomicInteger();
    private final LongSupplier nanoTime;
    private volatile ExecutionState state;
    private volatile VuPool pool;
    private volatile StopReason stopReason;
    private volatile Duration initDuration = Duration.ZERO;
    /** When the test started (k6's MarkStarted): after init and any --paused wait; 0 before. */
    private volatile long startedNanos;
    private volatile Duration ranFor;
    private volatile Runnable beforeStart = () -> { };
    private volatile Phase phase = Phase.INIT;

    public TestRun(Plan plan, VuFactory vuFactory, SetupTeardown stages, SampleSink sink, Clock clock) {
        this(plan, vuFactory, stages, sink, clock, InitListener.NONE, System::nanoTime);
    }

    /**
     * @param initCheck told of each initialised VU; it stops initialisation by throwing (the
     *                  command line passes a {@link dev.weft.vu.HeapBudget})
     */
    public TestRun(Plan plan, VuFactory vuFactory, SetupTeardown stages, SampleSink sink, Clock clock,
            InitListener initCheck) {
        this(plan, vuFactory, stages, sink, clock, initCheck, System::nanoTime);
    }

    /** @param nanoTime the monotonic clock the test's duration is read from (tests move their own) */
    public TestRun(Plan plan, VuFactory vuFactory, SetupTeardown stages, SampleSink sink, Clock clock,
            LongSupplier nanoTime) {
        this(plan, vuFactory, stages, sink, clock, InitListener.NONE, nanoTime);
    }

    public TestRun(Plan plan, VuFactory vuFactory, SetupTeardown stages, SampleSink sink, Clock clock,
            InitListener initCheck, LongSupplier nanoTime) {
        this.plan = plan;
        this.nanoTime = nanoTime;
        this.vuFactory = vuFactory;
        this.stages = stages;
        this.sink = sink;
        this.clock = clock;
        this.initCheck = initCheck;
    }

    /** The shared state while scenarios run (null before), for progress displays. */
    public ExecutionState state() {
        return state;
    }

    /** Where the run is now; read by the control API from any thread. */
    public Phase phase() {
        return phase;
    }

    /** How many VUs have finished their init code so far, for the init progress line. */
    public int initialisedVus() {
        return initialisedVus.get();
    }

    /**
     * Something to finish once every VU is initialised, before the test's clock starts (the CLI
     * waits there for its HTTP warm-up, which overlaps VU init). Call before {@link #run()}.
     */
    public TestRun beforeStart(Runnable hook) {
        this.beforeStart = hook;
        return this;
    }

    /** How long initialising all VUs took. */
    public Duration initDuration() {
        return initDuration;
    }

    /**
     * How long the test has run: k6's test run duration, which the summary's rates and the
     * progress clock count in. It starts once every VU is initialised (and a --paused start was
     * resumed), just before setup(), as k6's MarkStarted, and stops after teardown(); zero
     * before. Any thread.
     */
    public Duration elapsed() {
        Duration done = ranFor;
        if (done != null) {
            return done;
        }
        long started = startedNanos;
        return started == 0 ? Duration.ZERO : Duration.ofNanos(nanoTime.getAsLong() - started);
    }

    /** First Ctrl-C, a threshold abort: start no more iterations, let in-flight ones finish. */
    public void stop(StopReason reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        ExecutionState s = state;
        if (s != null) {
            s.stop();
        }
    }

    /**
     * A threshold's abortOnFail, as k6 aborts the run: start no more iterations and cut the running
     * ones short now (they count as interrupted); teardown still runs. Any thread.
     */
    public void abort(StopReason reason) {
        stop(reason);
        VuPool p = pool;
        if (p != null) {
            p.interruptAll();
        }
    }

    /** Second Ctrl-C: cut every running iteration short now. */
    public void hardStop() {
        stop(StopReason.USER);
        VuPool p = pool;
        if (p != null) {
            p.interruptAll();
        }
    }

    public RunResult run() throws InterruptedException {
        long t0 = nanoTime.getAsLong();
        try {
            pool = VuPool.initialise(plan.maxVus(), vuFactory, this::vuInitialised);
        } catch (VuInitException e) {
            ranFor = Duration.ZERO;
            if (stopReason != null) {
                return new RunResult(stopReason, exitCode(stopReason), null, 0, 0, Duration.ZERO);
            }
            return new RunResult(null, ExitCode.SCRIPT_EXCEPTION, e.getMessage(), 0, 0, Duration.ZERO);
        }
        initDuration = Duration.ofNanos(nanoTime.getAsLong() - t0);
        try {
            beforeStart.run();
            plan.instance().pauseGate().await(() -> stopReason == null);
            startedNanos = nanoTime.getAsLong();
            return runStages();
        } finally {
            phase = Phase.ENDED;
            pool.close();
        }
    }

    private void vuInitialised(int initialised, int total) throws VuInitException {
        initialisedVus.accumulateAndGet(initialised, Math::max);
        if (stopReason != null) {
            throw new VuInitException("stopped while initialising VUs", null);
        }
        initCheck.vuInitialised(initialised, total);
    }

    private RunResult runStages() throws InterruptedException {
        String setupData = null;
        if (plan.runSetup() && stages.hasSetup() && stopReason == null) {
            phase = Phase.SETUP;
            try {
                setupData = stages.setup(plan.setupTimeout());
            } catch (StageException e) {
                return new RunResult(null, e.timeout() ? ExitCode.SETUP_TIMEOUT : ExitCode.SCRIPT_EXCEPTION,
                        "setup() failed: " + e.getMessage(), 0, 0, end());
            }
        }
        phase = Phase.RUNNING;
        ExecutionState s = new ExecutionState(pool, sink, clock, plan.testTags(), setupData);
        state = s;
        if (stopReason != null) {
            s.stop();
        }
        runScenarios(s);
        if (s.abortedByScript() && stopReason == null) {
            stopReason = StopReason.SCRIPT;
        }
        String error = null;
        ExitCode failure = null;
        if (plan.runTeardown() && stages.hasTeardown()) {
            phase = Phase.TEARDOWN;
            try {
                stages.teardown(setupData, plan.teardownTimeout());
            } catch (StageException e) {
                error = "teardown() failed: " + e.getMessage();
                failure = e.timeout() ? ExitCode.TEARDOWN_TIMEOUT : ExitCode.SCRIPT_EXCEPTION;
            }
        }
        if (failure == null && stopReason != null) {
            failure = exitCode(stopReason);
        }
        return new RunResult(stopReason, failure, error, s.completedIterations(), s.interruptedIterations(),
                end());
    }

    private void runScenarios(ExecutionState s) throws InterruptedException {
        Thread vusReporter = Thread.ofVirtual().name("vus-gauge").start(() -> reportVus(s));
        List<Thread> scenarios = new ArrayList<>();
        for (Executor executor : plan.executors()) {
            scenarios.add(Thread.ofVirtual().name("scenario-" + executor.scenario().name()).start(() -> {
                try {
                    if (sleepUntilStart(executor, s)) {
                        var progress = s.progress(executor.scenario().name());
                        progress.start(System.nanoTime());
                        try {
                            executor.run(s);
                        } finally {
                            progress.end(System.nanoTime(), s.stopping());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    Logger.error(e, "scenario {} failed", executor.scenario().name());
                }
            }));
        }
        for (Thread t : scenarios) {
            t.join();
        }
        vusReporter.interrupt();
        vusReporter.join();
    }

    private static boolean sleepUntilStart(Executor executor, ExecutionState s) throws InterruptedException {
        long until = System.nanoTime() + executor.scenario().startTime().toNanos();
        while (!s.stopping()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            Thread.sleep(Duration.ofNanos(Math.min(left, 50_000_000L)));
        }
        return false;
    }

    /**
     * k6 reports {@code vus} about once a second. Between reports this looks every 100 ms and
     * reports the most VUs it saw, so a short test or a brief peak is not reported as 0.
     */
    private void reportVus(ExecutionState s) {
        int windowMax = 0;
        int polls = 0;
        try {
            while (true) {
                Thread.sleep(100);
                windowMax = Math.max(windowMax, s.activeVus().get());
                if (++polls % 10 == 0) {
                    pushVus(windowMax);
                    windowMax = 0;
                }
            }
        } catch (InterruptedException e) {
            if (polls % 10 != 0 || polls == 0) {
                pushVus(Math.max(windowMax, s.activeVus().get()));
            }
        }
    }

    private void pushVus(int vus) {
        long now = clock.millis();
        sink.push(new Sample(BuiltinMetrics.VUS, plan.testTags(), now, vus));
        sink.push(new Sample(BuiltinMetrics.VUS_MAX, plan.testTags(), now, pool.size()));
    }

    private static ExitCode exitCode(StopReason reason) {
        return switch (reason) {
            case USER -> ExitCode.EXTERNAL_ABORT;
            case THRESHOLD -> ExitCode.THRESHOLDS_FAILED;
            case SCRIPT -> ExitCode.SCRIPT_ABORTED;
            case OUTPUT -> ExitCode.EXTERNAL_ABORT;
        };
    }

    /** Stops the test's clock; returns what it shows. */
    private Duration end() {
        Duration d = Duration.ofNanos(nanoTime.getAsLong() - startedNanos);
        ranFor = d;
        return d;
    }
}
