package dev.weft.cloud.run;

/**
 * Whether a test run is still streaming, as the seeds of k6's cloud describe it. It says
 * nothing about thresholds passing (that is the result status, kept separately).
 *
 * <pre>
 * from      event                                      to
 * (none)    POST /v1/tests                             RUNNING
 * (none)    POST /v1/tests with a new run key          RUNNING (instance 1 joined)
 * RUNNING   POST /v1/tests with that key               RUNNING (one more instance)
 * RUNNING   POST /v1/tests/{id} (any run_status,       FINISHED
 *           a user abort included)
 * RUNNING   an instance's finish, others still running RUNNING
 * RUNNING   the last expected instance's finish        FINISHED (worst outcome of all)
 * RUNNING   no data for the run timeout (2 min)        TIMED_OUT
 * FINISHED  finish again (a retried request)           FINISHED
 * TIMED_OUT data or finish                             TIMED_OUT (refused, 403 code 4)
 * </pre>
 */
public enum RunState {
    RUNNING("Running"), FINISHED("Finished"), TIMED_OUT("Timed out");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    /** The words the web app shows. */
    public String label() {
        return label;
    }
}
