package dev.weft.http;

/**
 * A cookie given in a request's {@code cookies} param. With {@code replace} it hides any jar
 * cookie of the same name; without it, it is sent alongside them (k6 semantics).
 */
public record RequestCookie(String name, String value, boolean replace) {
}
