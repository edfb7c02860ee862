package dev.weft.http;

import java.util.List;

/**
 * Assembles the header block of one hop as it goes on the wire: Host, the script's headers,
 * User-Agent, Authorization (Basic from URL credentials, or the digest answer), Cookie (jar plus
 * the request's {@code cookies}, k6's merge rules), Content-Length and, without connection reuse,
 * "Connection: close". Stateless.
 */
final class RequestHeaders {
    private RequestHeaders() {
    }

    static HttpHeaders build(String method, HttpUrl url, HttpHeaders user, byte[] body, HttpRequest request,
                             Credentials cred, String digestAuthorization, CookieJar jar, HttpClientConfig config) {
        HttpHeaders.Builder b = HttpHeaders.builder();
        String host = user.first("Host");
        b.add("Host", host != null ? host : url.hostHeader());
        boolean hasUserAgent = false;
        boolean hasAuthorization = false;
        String userCookie = null;
        for (int i = 0; i < user.size(); i++) {
            String name = user.name(i);
            if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")) {
                continue;
            }
            if (name.equalsIgnoreCase("Cookie")) {
                userCookie = userCookie == null ? user.value(i) : userCookie + "; " + user.value(i);
                continue;
            }
            hasUserAgent |= name.equalsIgnoreCase("User-Agent");
            hasAuthorization |= name.equalsIgnoreCase("Authorization");
            b.add(name, user.value(i));
        }
        if (!hasUserAgent && !config.userAgent().isEmpty()) {
            b.add("User-Agent", config.userAgent());
        }
        if (!hasAuthorization) {
            if (digestAuthorization != null) {
                b.add("Authorization", digestAuthorization);
            } else if (cred != null && request.auth() != AuthMode.DIGEST) {
                b.add("Authorization", cred.basicHeader());
            }
        }
        String cookie = cookieHeader(url, jar, request.cookies(), userCookie);
        if (cookie != null) {
            b.add("Cookie", cookie);
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            b.add("Content-Length", Integer.toString(body.length));
        }
        if (config.noConnectionReuse()) {
            b.add("Connection", "close");
        }
        return b.build();
    }

    /** Jar cookies for the URL, minus those a replacing request cookie hides, then the request's cookies. */
    private static String cookieHeader(HttpUrl url, CookieJar jar, List<RequestCookie> requestCookies,
                                       String userCookie) {
        List<Cookie> fromJar = jar == null ? List.of() : jar.cookiesFor(url);
        if (fromJar.isEmpty() && requestCookies.isEmpty()) {
            return userCookie;
        }
        StringBuilder sb = new StringBuilder(64);
        if (userCookie != null) {
            sb.append(userCookie);
        }
        for (Cookie c : fromJar) {
            if (replaced(c.name(), requestCookies)) {
                continue;
            }
            append(sb, c.name(), c.value());
        }
        for (RequestCookie c : requestCookies) {
            append(sb, c.name(), c.value());
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static boolean replaced(String name, List<RequestCookie> requestCookies) {
        for (RequestCookie rc : requestCookies) {
            if (rc.replace() && rc.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (!sb.isEmpty()) {
            sb.append("; ");
        }
        sb.append(name).append('=').append(value);
    }
}
