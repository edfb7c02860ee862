package dev.weft.vu;

/** How one iteration ended. */
public enum IterationOutcome {
    /** The function returned. */
    COMPLETED,
    /** The function threw (the runtime has logged it); the test goes on. */
    FAILED,
    /** The iteration was cut short from outside (graceful stop elapsed, hard abort). */
    INTERRUPTED,
    /** The script asked to abort the whole test ({@code test.abort()}). */
    ABORT_TEST
}
