package dev.weft.executor;

import dev.weft.vu.IterationOutcome;
import dev.weft.vu.VuThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * One run of an arrival-rate scenario (the open model shared by constant- and
 * ramping-arrival-rate). The scenario's thread is the scheduler: it parks until each start
 * time of the {@link ArrivalSchedule}, then hands the start to an idle VU. With none idle it
 * borrows another VU from the pool, up to {@code maxVus}; past that the iteration is dropped
 * and counted in {@code dropped_iterations}. Iterations start on schedule whether or not
 * earlier ones finished. Pausing holds the schedule back and shifts it by the time paused.
 */
final class ArrivalRateRun {
    /**
     * Closer than this to a start, the scheduler yields its carrier instead of parking: a park
     * of a virtual thread overshoots by tens of µs, a yield lets the VUs run meanwhile.
     */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Scenario scenario;
    private final ExecutionState state;
    private final PauseGate gate;
    private final IterationRunner runner;
    private final ScenarioIterations iterations;
    private final int maxVus;
    private final LongConsumer startLag;
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private long dropped;

    ArrivalRateRun(Executor executor, ExecutionState state, PauseGate gate, ScenarioIterations iterations,
            int maxVus, LongConsumer startLag) {
        Scenario scenario = executor.scenario();
        this.startLag = startLag;
        this.scenario = scenario;
        this.state = state;
        this.gate = gate;
        this.runner = new IterationRunner(scenario, state, executor);
        this.iterations = iterations;
        this.maxVus = maxVus;
    }

    /** Runs the schedule for {@code duration}, then the graceful stop; on the scenario's thread. */
    void run(ArrivalSchedule schedule, int preAllocatedVus, Duration duration) throws InterruptedException {
        for (int i = 0; i < preAllocatedVus; i++) {
            Worker w = Worker.start(this);
            if (w == null) {
                break;
            }
            idle.addFirst(w);
        }
        long start = System.nanoTime();
        long limit = duration.toNanos();
        long shift = 0;
        while (!state.stopping()) {
            long offset = schedule.next();
            if (offset < 0 || offset >= limit) {
                break;
            }
            if (!parkUntil(start + shift + offset)) {
                break;
            }
            if (gate.isPaused()) {
                shift += gate.await(() -> !state.stopping());
            }
            dispatch(start + shift + offset);
        }
        if (dropped > 0) {
            runner.dropped(dropped);
        }
        workers.forEach(Worker::requestStop);
        GracefulStop.await(workers, state, Math.min(System.nanoTime(), start + shift + limit),
                scenario.gracefulStop());
    }

    /** Waits until {@code due}; false if the test is stopping. */
    private boolean parkUntil(long due) {
        while (true) {
            long left = due - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            if (state.stopping()) {
                return false;
            }
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(Math.min(left - SPIN_NANOS, MAX_PARK_NANOS));
            } else {
                Thread.yield();
            }
        }
    }

    private void dispatch(long due) {
        Worker w = idle.pollFirst();
        if (w == null && workers.size() < maxVus) {
            w = Worker.start(this);
        }
        if (w == null) {
            dropped++;
            if (dropped >= 1000) { // flush now and then so a long overload shows while it happens
                runner.dropped(dropped);
                dropped = 0;
            }
            return;
        }
        w.inbox.add(due);
    }

    /** A VU serving this run: runs one iteration per start it is handed, then waits idle. */
    private static final class Worker implements ActiveVu {
        private static final Long END = Long.MIN_VALUE;

        /** Start times (System.nanoTime) handed to this VU; {@link #END} ends it. */
        private final LinkedBlockingQueue<Long> inbox = new LinkedBlockingQueue<>();
        private final VuThread thread;
        private final CompletableFuture<Void> done;

        private Worker(ArrivalRateRun run, VuThread thread) {
            this.thread = thread;
            ExecutionState state = run.state;
            this.done = thread.submit(vu -> {
                long vuIteration = 0;
                try {
                    for (Long due = inbox.take(); !END.equals(due); due = inbox.take()) {
                        if (run.startLag != null) {
                            run.startLag.accept(System.nanoTime() - due);
                        }
                        state.activeVus().incrementAndGet();
                        IterationOutcome outcome;
                        try {
                            outcome = run.runner.run(vu, vuIteration++, run.iterations.next());
                        } finally {
                            state.activeVus().decrementAndGet();
                        }
                        if (outcome == IterationOutcome.ABORT_TEST) {
                            break;
                        }
                        run.idle.addFirst(this);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).whenComplete((r, t) -> state.pool().giveBack(thread));
        }

        /** Borrows a VU for {@code run}; null when the pool has none free. */
        static Worker start(ArrivalRateRun run) {
            VuThread thread = run.state.pool().borrow();
            if (thread == null) {
                return null;
            }
            Worker w = new Worker(run, thread);
            run.workers.add(w);
            return w;
        }

        @Override
        public CompletableFuture<Void> done() {
            return done;
        }

        @Override
        public void requestStop() {
            inbox.add(END);
        }

        @Override
        public void interrupt() {
            if (!done.isDone()) {
                thread.interrupt();
            }
        }
    }
}
