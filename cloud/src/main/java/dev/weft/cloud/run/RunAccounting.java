package dev.weft.cloud.run;

import dev.weft.cloud.metrics.SampleLosses;
import java.util.List;

/**
 * What a run received, folded and lost, as stored. Immutable.
 *
 * @param samplesReceived measured samples stored for the run (overflow included)
 * @param overflowSamples of those, the ones folded into overflow series past the series budget
 * @param losses          per reason, samples that were not stored
 */
public record RunAccounting(long samplesReceived, long overflowSamples, List<SampleLosses.Loss> losses) {
    public static final RunAccounting NONE = new RunAccounting(0, 0, List.of());

    public RunAccounting {
        losses = List.copyOf(losses);
    }

    /** Every sample not stored, whatever the reason. */
    public long lostSamples() {
        return losses.stream().mapToLong(SampleLosses.Loss::samples).sum();
    }

    RunAccounting withLosses(List<SampleLosses.Loss> l) {
        return new RunAccounting(samplesReceived, overflowSamples, l);
    }
}
