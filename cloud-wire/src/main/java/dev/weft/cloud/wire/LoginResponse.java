package dev.weft.cloud.wire;

/** Answer to {@code POST /v1/login}: an API token for the account. */
public record LoginResponse(String token) {
}
