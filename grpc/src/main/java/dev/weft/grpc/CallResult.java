package dev.weft.grpc;

import java.util.List;
import java.util.Map;

/**
 * A finished unary call, as {@code client.invoke()} returns it.
 *
 * @param message JSON text of the response (defaults when the call failed), or null when discarded
 * @param error   JSON text of the status ({@code code}, {@code message}, {@code details}), or null when OK
 * @param endMillis  wall-clock time the call closed, for its grpc_req_duration sample
 * @param durationMs from the call's start to its close
 * @param sent       false when the call failed before reaching the wire (its deadline had passed):
 *                   k6 records no grpc_req_duration for it
 */
public record CallResult(int status, String message, Map<String, List<String>> headers,
        Map<String, List<String>> trailers, String error, long endMillis, double durationMs, boolean sent) {
}
