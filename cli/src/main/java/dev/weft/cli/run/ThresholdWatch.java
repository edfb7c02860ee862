package dev.weft.cli.run;

import dev.weft.lifecycle.StopReason;
import dev.weft.lifecycle.TestRun;
import dev.weft.threshold.ThresholdResult;

/**
 * Evaluates thresholds every 2 seconds during the run (as k6 does) and aborts the run when an
 * abortOnFail threshold has crossed: running iterations are cut short, as k6 cancels its run. Rates count from the test's start ({@link TestRun#elapsed()}). Runs on its own virtual thread.
 */
final class ThresholdWatch implements AutoCloseable {
    private final Thread thread;

    private ThresholdWatch(Thread thread) {
        this.thread = thread;
    }

    static ThresholdWatch start(MetricsSetup metrics, TestRun run) {
        Thread t = Thread.ofVirtual().name("threshold-watch").start(() -> {
            if (metrics.thresholds().isEmpty()) {
                return;
            }
            try {
                while (true) {
                    Thread.sleep(2000);
                    metrics.pipeline().flush();
                    ThresholdResult r = metrics.thresholds().evaluate(run.elapsed());
                    if (r.abort()) {
                        run.abort(StopReason.THRESHOLD);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // run over
            }
        });
        return new ThresholdWatch(t);
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
