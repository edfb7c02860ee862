package dev.weft.output;

/** How a test run ended, with k6's cloud status codes. */
public enum RunStatus {
    FINISHED(3), ABORTED_USER(5), ABORTED_SYSTEM(6), ABORTED_SCRIPT_ERROR(7), ABORTED_THRESHOLD(8);

    private final int k6Code;

    RunStatus(int k6Code) {
        this.k6Code = k6Code;
    }

    /** k6's numeric run status (lib.RunStatus) as the cloud API v1 expects it. */
    public int k6Code() {
        return k6Code;
    }
}
