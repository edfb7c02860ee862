package dev.weft.http;

/**
 * k6's {@code auth} param. Credentials come from the URL's user info
 * ({@code http://user:pass@host/}). {@link #BASIC} is also what happens with no mode when the URL
 * has credentials, as in k6.
 */
public enum AuthMode {
    NONE, BASIC, DIGEST
}
