package dev.weft.lifecycle;

/** Why a run ended before its scenarios did. */
public enum StopReason {
    /** Ctrl-C or SIGTERM. */
    USER,
    /** A threshold with abortOnFail crossed. */
    THRESHOLD,
    /** The script called test.abort(). */
    SCRIPT,
    /** An output asked to end the run (k6's AbortedByOutput), e.g. the results service takes no more metrics. */
    OUTPUT
}
