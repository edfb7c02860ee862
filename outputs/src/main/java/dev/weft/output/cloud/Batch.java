package dev.weft.output.cloud;

import dev.weft.cloud.wire.WireSample;
import java.util.List;

/**
 * One metrics request's worth of samples and its id, sent as the k6-Idempotency-Key so a
 * batch retried after a lost answer is ingested once.
 *
 * @param sampleCount how many measured samples the aggregates stand for (for drop reports)
 */
public record Batch(String id, List<WireSample> samples, long sampleCount) {
}
