package dev.weft.cloud.wire;

/** Body of {@code POST /v1/login}. */
public record LoginRequest(String email, String password) {
}
