package dev.weft.output;

import java.util.function.Consumer;

/**
 * An output that may end the test run early (k6's {@code WithTestRunStop}): the cloud output
 * does when the results service takes no more metrics and stop-on-error is on. The CLI sets
 * the callback once, after {@link Output#start()} and before the scenarios start; the output
 * may call it once from any thread, with a one-line reason. The run then ends as aborted by
 * an output (exit code 105, run status "aborted by system"), as in k6.
 */
public interface WithTestRunStop {
    void setTestRunStopCallback(Consumer<String> stop);
}
