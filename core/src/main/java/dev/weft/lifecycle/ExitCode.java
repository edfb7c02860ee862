package dev.weft.lifecycle;

/**
 * Weft's process exit codes: k6's codes where k6 has one (errext/exitcodes), so CI scripts
 * written for k6 keep working. Documented in the README.
 */
public enum ExitCode {
    OK(0),
    /** A bad command-line flag or argument. */
    BAD_USAGE(2),
    CLOUD_TEST_RUN_FAILED(97),
    THRESHOLDS_FAILED(99),
    SETUP_TIMEOUT(100),
    TEARDOWN_TIMEOUT(101),
    GENERIC_ENGINE(103),
    INVALID_CONFIG(104),
    EXTERNAL_ABORT(105),
    /** --address was given and the REST control API could not listen there. */
    CANNOT_START_REST_API(106),
    SCRIPT_EXCEPTION(107),
    SCRIPT_ABORTED(108),
    /**
     * An error k6 gives no code of its own (k6 exits with -1, seen as 255), e.g. the web
     * dashboard's port, set explicitly, is in use.
     */
    UNCLASSIFIED(255);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
