package dev.weft.http;

import java.time.Instant;

/**
 * A cookie held by a {@link CookieJar}, after RFC 6265's storage rules. Immutable.
 *
 * @param domain   the host (host-only) or domain it is sent to, lower case
 * @param expires  when it expires, or null for a session cookie
 * @param hostOnly true when set without a Domain attribute: sent only to that exact host
 * @param created  order of creation within the jar, for k6/RFC ordering of equal paths
 */
public record Cookie(String name, String value, String domain, String path, Instant expires, boolean secure,
                     boolean httpOnly, boolean hostOnly, long created) {
}
