package dev.weft.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a host name into the address to dial: k6's {@code hosts} overrides first (exact names,
 * then {@code *.domain} wildcards; values "ip", "ip:port" or another name), then the JDK's
 * resolver ({@link InetAddress}, with its cache), preferring IPv4 as k6 does by default. Names
 * under the reserved {@code .invalid} TLD (RFC 6761) fail at once without asking DNS.
 * Thread-safe: immutable after construction, shared by every VU.
 */
final class HostResolver {
    private final Map<String, String> hosts;

    HostResolver(Map<String, String> hosts) {
        Map<String, String> lower = new java.util.HashMap<>();
        hosts.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        this.hosts = Map.copyOf(lower);
    }

    /** True when k6's {@code hosts} option names this host (exactly or by wildcard). */
    boolean isOverridden(String host) {
        return !hosts.isEmpty() && lookupOverride(host.toLowerCase(Locale.ROOT)) != null;
    }

    InetSocketAddress resolve(String host, int port) throws HttpFailure {
        String name = host.toLowerCase(Locale.ROOT);
        String override = hosts.isEmpty() ? null : lookupOverride(name);
        if (override != null) {
            return overrideAddress(override, port);
        }
        return new InetSocketAddress(lookup(name), port);
    }

    private String lookupOverride(String name) {
        String exact = hosts.get(name);
        if (exact != null) {
            return exact;
        }
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            String wildcard = hosts.get("*" + name.substring(dot));
            if (wildcard != null) {
                return wildcard;
            }
        }
        return null;
    }

    private InetSocketAddress overrideAddress(String value, int port) throws HttpFailure {
        String host = value;
        int p = port;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            host = value.substring(1, close);
            if (value.length() > close + 2 && value.charAt(close + 1) == ':') {
                p = Integer.parseInt(value.substring(close + 2));
            }
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            host = value.substring(0, value.indexOf(':'));
            p = Integer.parseInt(value.substring(value.indexOf(':') + 1));
        }
        return new InetSocketAddress(lookup(host.toLowerCase(Locale.ROOT)), p);
    }

    private static InetAddress lookup(String name) throws HttpFailure {
        if (name.equals("invalid") || name.endsWith(".invalid")) {
            throw new HttpFailure(HttpErrorCodes.DNS_NO_SUCH_HOST, "lookup: no such host");
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(name);
            for (InetAddress a : all) {
                if (a instanceof java.net.Inet4Address) {
                    return a;
                }
            }
            return all[0];
        } catch (UnknownHostException e) {
            throw new HttpFailure(HttpErrorCodes.DNS_NO_SUCH_HOST, "lookup: no such host", e);
        } catch (SecurityException e) {
            throw new HttpFailure(HttpErrorCodes.DNS_GENERIC, "lookup: " + e.getMessage(), e);
        }
    }
}
