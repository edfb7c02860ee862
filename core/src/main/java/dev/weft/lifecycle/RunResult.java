package dev.weft.lifecycle;

import java.time.Duration;

/**
 * How a run went, for the summary and the exit code.
 *
 * @param stopReason null when every scenario ran its course
 * @param error      the setup/teardown/init error text, or null
 * @param duration   how long the test ran, VU init left out ({@link TestRun#elapsed()}): the
 *                   summary's rates divide by it
 */
public record RunResult(StopReason stopReason, ExitCode failure, String error, long completedIterations,
        long interruptedIterations, Duration duration) {
    public boolean failed() {
        return failure != null;
    }
}
