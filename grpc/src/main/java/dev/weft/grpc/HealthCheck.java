package dev.weft.grpc;

/**
 * A finished {@code client.healthCheck()}.
 *
 * @param servingStatus grpc.health.v1's status (1 SERVING, 2 NOT_SERVING...) when the call succeeded
 * @param code          the call's status code (k6 records it on the call's grpc_req_duration)
 * @param error         what k6 throws for a failed call, null when it succeeded
 */
public record HealthCheck(int servingStatus, int code, String error, long endMillis, double durationMs) {
}
