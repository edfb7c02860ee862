package dev.weft.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the proxy for a request as Go's {@code http.ProxyFromEnvironment} does (and so k6):
 * HTTP_PROXY for http URLs, HTTPS_PROXY for https URLs (upper case first, then lower case), never
 * for "localhost" or loopback IP literals, and not for hosts NO_PROXY names. NO_PROXY is a comma
 * list of "*" (no proxy at all), IP addresses, CIDR ranges, and domains with an optional port:
 * "example.com" matches it and its subdomains, ".example.com" or "*.example.com" only
 * subdomains. The decision is made on the URL's host name, before k6's {@code hosts} overrides.
 *
 * <p>Proxy URLs may use http://, https://, socks5:// or socks5h:// (a value without a scheme is
 * http://, as in Go), with optional user:password. A value Weft cannot use does not stop the test:
 * as in Go, each request that would go through it fails, with a message naming the variable.
 * Immutable and thread-safe; built once per engine.
 */
final class ProxyEnvironment {
    /** The variables read, in order of precedence within each pair. */
    static final List<String> VARIABLES =
            List.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy");

    /** The proxy URL schemes Weft speaks, as Go's transport does. */
    static final List<String> SCHEMES = List.of("http", "https", "socks5", "socks5h");

    /**
     * A proxy to go through.
     *
     * @param scheme      "http", "https", "socks5" or "socks5h"
     * @param credentials the proxy URL's user info (percent-decoded), or null
     * @param variable    the environment variable it came from, for error messages
     */
    record Proxy(String scheme, String host, int port, Credentials credentials, String variable) {
        /** SOCKS5: the proxy is given the target's name (both socks5 and socks5h, as in Go). */
        boolean isSocks() {
            return scheme.startsWith("socks5");
        }

        /** https://: TLS to the proxy itself, then HTTP inside it. */
        boolean isTls() {
            return scheme.equals("https");
        }

        /** The Proxy-Authorization value for an http or https proxy with user info, or null. */
        String authorization() {
            return credentials == null || isSocks() ? null : credentials.basicHeader();
        }

        /** host:port as dialled, for messages. */
        String address() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** What one variable holds: a usable proxy, or the reason it is not one. */
    private record Setting(Proxy proxy, String problem) {
    }

    private record Rule(String domain, boolean matchSelf, byte[] ip, int prefixBits, int port) {
    }

    private final Setting http;
    private final Setting https;
    private final boolean noProxyAtAll;
    private final List<Rule> noProxy;

    ProxyEnvironment(Map<String, String> env) {
        this.http = setting(env, "HTTP_PROXY", "http_proxy");
        this.https = setting(env, "HTTPS_PROXY", "https_proxy");
        String no = either(env, "NO_PROXY", "no_proxy");
        List<Rule> rules = new ArrayList<>();
        boolean all = false;
        for (String raw : no == null ? new String[0] : no.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                all = true;
                break;
            }
            Rule r = parseRule(entry);
            if (r != null) {
                rules.add(r);
            }
        }
        this.noProxyAtAll = all;
        this.noProxy = List.copyOf(rules);
    }

    boolean isEmpty() {
        return http == null && https == null;
    }

    /**
     * The proxy for this URL, or null to connect directly.
     *
     * @throws HttpFailure when the variable that applies holds a value Weft cannot use
     */
    Proxy forUrl(HttpUrl url) throws HttpFailure {
        Setting s = url.isHttps() ? https : http;
        if (s == null || noProxyAtAll) {
            return null;
        }
        String host = url.host().toLowerCase(Locale.ROOT);
        if (host.equals("localhost")) {
            return null;
        }
        byte[] ip = ipLiteral(host);
        if (ip != null && isLoopback(ip)) {
            return null;
        }
        for (Rule r : noProxy) {
            if (r.port != 0 && r.port != url.port()) {
                continue;
            }
            if (r.ip != null ? ip != null && inRange(ip, r.ip, r.prefixBits)
                    : host.endsWith(r.domain) || (r.matchSelf && host.equals(r.domain.substring(1)))) {
                return null;
            }
        }
        if (s.problem != null) {
            throw new HttpFailure(HttpErrorCodes.GENERIC, s.problem);
        }
        return s.proxy;
    }

    private static String either(Map<String, String> env, String upper, String lower) {
        String v = env.get(upper);
        if (v == null || v.isEmpty()) {
            v = env.get(lower);
        }
        return v == null || v.isEmpty() ? null : v;
    }

    private static Setting setting(Map<String, String> env, String upper, String lower) {
        String value = either(env, upper, lower);
        if (value == null) {
            return null;
        }
        String variable = env.get(upper) != null && !env.get(upper).isEmpty() ? upper : lower;
        try {
            return new Setting(parseProxy(value.strip(), variable), null);
        } catch (IllegalArgumentException e) {
            return new Setting(null, e.getMessage());
        }
    }

    /** A proxy URL; as in Go, one without a scheme is taken as http://. */
    private static Proxy parseProxy(String value, String variable) {
        int sep = value.indexOf("://");
        String scheme = sep < 0 ? "http" : value.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException(variable + ": unsupported proxy scheme \"" + scheme
                    + "\" (supported: http, https, socks5, socks5h)");
        }
        HttpUrl u;
        try {
            // HttpUrl knows only web schemes; the authority is read the same way for every proxy
            u = HttpUrl.parse("http://" + (sep < 0 ? value : value.substring(sep + 3)));
        } catch (HttpFailure e) {
            throw new IllegalArgumentException(variable + ": invalid proxy address \"" + value + "\"");
        }
        int port = u.explicitPort() ? u.port() : switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> 1080;
        };
        return new Proxy(scheme, u.host(), port, Credentials.fromUserInfo(u.userInfo()), variable);
    }

    private static Rule parseRule(String entry) {
        int slash = entry.indexOf('/');
        if (slash > 0) {
            byte[] ip = ipLiteral(entry.substring(0, slash));
            if (ip == null) {
                return null;
            }
            try {
                return new Rule(null, false, ip, Integer.parseInt(entry.substring(slash + 1)), 0);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String host = entry;
        int port = 0;
        int colon = entry.lastIndexOf(':');
        boolean bracketed = entry.startsWith("[");
        if (colon > 0 && (bracketed ? entry.indexOf(']') < colon : entry.indexOf(':') == colon)) {
            try {
                port = Integer.parseInt(entry.substring(colon + 1));
                host = entry.substring(0, colon);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        byte[] ip = ipLiteral(host);
        if (ip != null) {
            return new Rule(null, false, ip, ip.length * 8, port);
        }
        if (host.startsWith("*.")) {
            host = host.substring(1);
        }
        boolean matchSelf = !host.startsWith(".");
        return new Rule(matchSelf ? "." + host : host, matchSelf, null, 0, port);
    }

    /** The address bytes of an IP literal, or null for a name (never asks DNS). */
    private static byte[] ipLiteral(String host) {
        if (!Dialer.isIpLiteral(host) || host.isEmpty()) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static boolean isLoopback(byte[] ip) {
        try {
            return InetAddress.getByAddress(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean inRange(byte[] ip, byte[] net, int bits) {
        if (ip.length != net.length) {
            return false;
        }
        for (int i = 0; i < ip.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((ip[i] & mask) != (net[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
