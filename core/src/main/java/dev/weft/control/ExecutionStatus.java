package dev.weft.control;

/**
 * Where a test run is, as k6's REST API reports it: the {@code status} attribute of {@code
 * /v1/status} is the number, so tools written for k6 read it unchanged.
 */
public enum ExecutionStatus {
    CREATED(0),
    INIT_VUS(1),
    INIT_EXECUTORS(2),
    INIT_DONE(3),
    PAUSED_BEFORE_RUN(4),
    STARTED(5),
    SETUP(6),
    RUNNING(7),
    TEARDOWN(8),
    ENDED(9),
    INTERRUPTED(10),
    MARKED_AS_FAILED(11);

    private final int code;

    ExecutionStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
