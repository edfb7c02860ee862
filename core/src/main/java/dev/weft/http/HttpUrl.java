package dev.weft.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An absolute http/https URL split into what the client needs: where to connect, what to put in
 * the request line and Host header, and credentials. Parsed by hand (no regex, no
 * {@link java.net.URI} on the hot path). Immutable.
 *
 * @param scheme       "http" or "https"
 * @param userInfo     raw "user:pass" (still percent-encoded), or null
 * @param host         host name or IP literal, without IPv6 brackets
 * @param port         the effective port
 * @param explicitPort true when the URL named a port
 * @param target       the request target: path and query, never empty, percent-encoded
 * @param text         the URL as given, without its fragment
 */
public record HttpUrl(String scheme, String userInfo, String host, int port, boolean explicitPort,
                      String target, String text) {

    public static HttpUrl parse(String url) throws HttpFailure {
        int sep = url.indexOf("://");
        if (sep <= 0) {
            throw invalid(url);
        }
        String scheme = url.substring(0, sep).toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !scheme.equals("http")) {
            throw new HttpFailure(HttpErrorCodes.INVALID_URL, "unsupported protocol scheme \"" + scheme + "\"");
        }
        int hash = url.indexOf('#');
        String text = hash < 0 ? url : url.substring(0, hash);
        int authStart = sep + 3;
        int authEnd = authStart;
        while (authEnd < text.length() && "/?".indexOf(text.charAt(authEnd)) < 0) {
            authEnd++;
        }
        String authority = text.substring(authStart, authEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw invalid(url);
            }
            host = hostPort.substring(1, close);
            if (close + 1 < hostPort.length()) {
                if (hostPort.charAt(close + 1) != ':') {
                    throw invalid(url);
                }
                portText = hostPort.substring(close + 2);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || host.indexOf(' ') >= 0) {
            throw invalid(url);
        }
        int port = https ? 443 : 80;
        boolean explicit = portText != null && !portText.isEmpty();
        if (explicit) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw invalid(url);
            }
            if (port < 1 || port > 65535) {
                throw invalid(url);
            }
        }
        String rest = text.substring(authEnd);
        String target = rest.isEmpty() ? "/" : rest.charAt(0) == '?' ? "/" + rest : rest;
        return new HttpUrl(scheme, userInfo, host, port, explicit, escape(target), text);
    }

    private static HttpFailure invalid(String url) {
        return new HttpFailure(HttpErrorCodes.INVALID_URL, "invalid URL");
    }

    /** Percent-encodes characters that may not appear raw in a request target (spaces, non-ASCII). */
    static String escape(String target) {
        int i = 0;
        while (i < target.length()) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>') {
                break;
            }
            i++;
        }
        if (i == target.length()) {
            return target;
        }
        StringBuilder sb = new StringBuilder(target.length() + 16).append(target, 0, i);
        for (byte b : target.substring(i).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>') {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    public boolean isHttps() {
        return scheme.equals("https");
    }

    /** The Host header value: the host, bracketed if IPv6, with the port when it was explicit and not default. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        boolean defaultPort = port == (isHttps() ? 443 : 80);
        return explicitPort && !defaultPort ? h + ":" + port : h;
    }

    /** scheme://host:port — connections to the same origin are reused. */
    public String origin() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + "://" + h.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The path part of the target, without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The URL with credentials masked as k6 does for the url tag ("****:****@"). */
    public String clean() {
        if (userInfo == null) {
            return text;
        }
        int start = text.indexOf("://") + 3;
        String mask = userInfo.indexOf(':') >= 0 ? "****:****" : "****";
        return text.substring(0, start) + mask + text.substring(start + userInfo.length());
    }

    /** Resolves a Location header value against this URL. */
    public HttpUrl resolve(String location) throws HttpFailure {
        String loc = location.strip();
        int colon = loc.indexOf("://");
        if (colon > 0 && loc.substring(0, colon).chars().allMatch(Character::isLetter)) {
            return parse(loc);
        }
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        String authority = scheme + "://" + (userInfo != null ? userInfo + "@" : "") + h
                + (explicitPort ? ":" + port : "");
        String merged;
        if (loc.startsWith("//")) {
            return parse(scheme + ":" + loc);
        } else if (loc.startsWith("/")) {
            merged = loc;
        } else if (loc.startsWith("?")) {
            merged = path() + loc;
        } else if (loc.isEmpty()) {
            merged = target;
        } else {
            String p = path();
            merged = p.substring(0, p.lastIndexOf('/') + 1) + loc;
        }
        try {
            String normalized = URI.create(escape(merged)).normalize().toString();
            return parse(authority + (normalized.startsWith("/") ? normalized : "/" + normalized));
        } catch (IllegalArgumentException e) {
            return parse(authority + merged);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
