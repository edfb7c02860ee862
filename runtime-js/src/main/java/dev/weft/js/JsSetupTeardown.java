package dev.weft.js;

import dev.weft.js.module.Phase;
import dev.weft.lifecycle.SetupTeardown;
import dev.weft.lifecycle.StageException;
import dev.weft.vu.VuThread;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the script's setup() and teardown() in VU 0 (k6's __VU is 0 there), on that VU's own
 * thread, with their timeouts. Samples made there carry the group tag ::setup / ::teardown.
 * Called by {@link dev.weft.lifecycle.TestRun} from its thread.
 */
public final class JsSetupTeardown implements SetupTeardown, AutoCloseable {
    private final JsVuFactory factory;
    private final boolean hasSetup;
    private final boolean hasTeardown;
    private VuThread stageVu;

    public JsSetupTeardown(JsVuFactory factory, boolean hasSetup, boolean hasTeardown) {
        this.factory = factory;
        this.hasSetup = hasSetup;
        this.hasTeardown = hasTeardown;
    }

    @Override
    public boolean hasSetup() {
        return hasSetup;
    }

    @Override
    public boolean hasTeardown() {
        return hasTeardown;
    }

    @Override
    public String setup(Duration timeout) throws StageException {
        return run(Phase.SETUP, "setup", null, timeout);
    }

    @Override
    public void teardown(String setupData, Duration timeout) throws StageException {
        run(Phase.TEARDOWN, "teardown", setupData, timeout);
    }

    private String run(Phase phase, String function, String data, Duration timeout) throws StageException {
        VuThread vu = stageVu();
        AtomicReference<String> result = new AtomicReference<>();
        CompletableFuture<Void> done = vu.submit(v -> {
            try {
                result.set(((JsVu) v).runStage(phase, function, data));
            } catch (JsVu.StageFailure e) {
                throw new StageFailed(e);
            }
        });
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return result.get();
        } catch (TimeoutException e) {
            vu.interrupt();
            throw new StageException(function + "() didn't finish within " + timeout.toSeconds() + "s", true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StageFailed f) {
                throw new StageException(f.getCause().getMessage(), false);
            }
            throw new StageException(String.valueOf(cause), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            vu.interrupt();
            throw new StageException(function + "() was interrupted", false);
        }
    }

    /**
     * Calls the script's {@code handleSummary(data)} in VU 0 with k6's summary data (JSON text)
     * and returns what it returned, as JSON text: an object of output names ("stdout", "stderr",
     * file paths) to contents.
     */
    public String handleSummary(String summaryJson, Duration timeout) throws StageException {
        return run(Phase.TEARDOWN, "handleSummary", summaryJson, timeout);
    }

    private VuThread stageVu() throws StageException {
        if (stageVu == null) {
            stageVu = VuThread.start(0, factory);
            try {
                stageVu.initialized().join();
            } catch (RuntimeException e) {
                throw new StageException(e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), false);
            }
        }
        return stageVu;
    }

    @Override
    public void close() {
        if (stageVu != null && !stageVu.initialized().isCompletedExceptionally()) {
            stageVu.close();
        }
    }

    private static final class StageFailed extends RuntimeException {
        StageFailed(JsVu.StageFailure cause) {
            super(cause);
        }
    }
}
