package dev.weft.output.cloud;

import java.util.Map;

/**
 * One metrics request, encoded once and sent as often as it takes: its id travels as the
 * k6-Idempotency-Key, so a batch retried after a lost answer is ingested once. Immutable.
 *
 * @param id         the idempotency key
 * @param path       where it is posted, e.g. {@code /v2/metrics/<reference id>}
 * @param headers    content type, encoding and protocol headers of this body
 * @param body       the encoded, compressed body
 * @param samples    how many measured samples the aggregates stand for
 * @param aggregates how many per-series aggregates it holds
 */
public record Batch(String id, String path, Map<String, String> headers, byte[] body, long samples, int aggregates) {
}
