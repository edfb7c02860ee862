package dev.weft.cloud.wire;

/** Body of {@code POST /v1/validate-token}. */
public record ValidateTokenRequest(String token) {
}
