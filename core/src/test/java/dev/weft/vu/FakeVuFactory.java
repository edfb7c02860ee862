package dev.weft.vu;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Makes {@link FakeVu}s for executor and lifecycle tests. Configure it before the VUs run:
 * how long each iteration takes, which VU's init fails, which iterations throw (FAILED) or
 * call {@code test.abort()} (ABORT_TEST). Thread-safe after configuration.
 */
public final class FakeVuFactory implements VuFactory {
    private final RecordingVus recording = new RecordingVus();
    private volatile Duration iterationTime = Duration.ZERO;
    private volatile int failInitOf = -1;
    private volatile Predicate<IterationContext> throwing = c -> false;
    private volatile Predicate<IterationContext> aborting = c -> false;

    public FakeVuFactory iterationTime(Duration d) {
        this.iterationTime = d;
        return this;
    }

    public FakeVuFactory failInitOf(int vuId) {
        this.failInitOf = vuId;
        return this;
    }

    public FakeVuFactory throwWhen(Predicate<IterationContext> p) {
        this.throwing = p;
        return this;
    }

    public FakeVuFactory abortWhen(Predicate<IterationContext> p) {
        this.aborting = p;
        return this;
    }

    public RecordingVus recording() {
        return recording;
    }

    Duration iterationTime() {
        return iterationTime;
    }

    IterationOutcome outcomeFor(IterationContext context, long n) {
        if (aborting.test(context)) {
            return IterationOutcome.ABORT_TEST;
        }
        return throwing.test(context) ? IterationOutcome.FAILED : IterationOutcome.COMPLETED;
    }

    @Override
    public Vu create(int id) throws VuInitException {
        if (id == failInitOf) {
            throw new VuInitException("file:///script.js:3:7 init failed for VU " + id, null);
        }
        return new FakeVu(id, this);
    }
}
