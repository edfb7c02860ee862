package dev.weft.cloud.metrics;

/**
 * Why samples of a run were not stored. The run page and the run JSON list each reason with
 * how many batches and samples it cost, so no loss is silent.
 */
public enum LossReason {
    /** A batch was refused (400) for malformed content; nothing of it was stored. */
    MALFORMED_BATCH("refused as malformed"),
    /** A batch was refused (413/415) as too large or in an unknown encoding. */
    UNREADABLE_BATCH("refused as too large or unreadable"),
    /** Data arrived after the run had finished or timed out (403 code 4). */
    AFTER_END("arrived after the run ended"),
    /** Values that are not finite numbers (NaN, ±Inf) cannot be aggregated. */
    NOT_A_NUMBER("values that are not finite numbers"),
    /** Past the series budget and the cap on overflow series (one per metric name). */
    TOO_MANY_METRICS("too many distinct metric names"),
    /** What the runner measured but never delivered (it says so in the finish call). */
    RUNNER_DROPPED("dropped by the runner before delivery");

    private final String description;

    LossReason(String description) {
        this.description = description;
    }

    /** The words the run page shows. */
    public String description() {
        return description;
    }
}
