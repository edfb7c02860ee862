package dev.weft.http;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A k6 cookie jar: stores cookies from responses (and from scripts' {@code jar.set}) under RFC
 * 6265's domain, path, expiry and secure rules, and says which to send to a URL. Each VU has one
 * that k6 empties at every iteration start ({@link #clearAll()}); scripts may make more with
 * {@code new http.CookieJar()}. Used by its VU's thread, and by that VU's {@code http.batch}
 * threads at once, so every method takes a (normally uncontended) lock. Public suffixes are not
 * checked.
 */
public final class CookieJar {
    private final Clock clock;
    private final List<Cookie> cookies = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private long sequence;

    public CookieJar(Clock clock) {
        this.clock = clock;
    }

    /** Stores every Set-Cookie header of a response to {@code url}. */
    public void storeAll(HttpUrl url, List<String> setCookieHeaders) {
        for (String header : setCookieHeaders) {
            SetCookie c = SetCookie.parse(header);
            if (c != null) {
                store(url, c);
            }
        }
    }

    /** k6's {@code jar.set(url, name, value, options)}: stores as if {@code url} had answered it. */
    public void set(String url, SetCookie cookie) throws IllegalArgumentException {
        store(parse(url), cookie);
    }

    /** Applies RFC 6265 section 5.3 to one offered cookie; rejects it silently when it does not apply. */
    void store(HttpUrl url, SetCookie c) {
        lock.lock();
        try {
            String host = url.host().toLowerCase(Locale.ROOT);
            String domain = c.domain();
            boolean hostOnly = domain.isEmpty();
            if (hostOnly) {
                domain = host;
            } else if (!domainMatches(host, domain)) {
                return;
            }
            String path = c.path().startsWith("/") ? c.path() : defaultPath(url.path());
            Instant now = clock.instant();
            Instant expires = c.maxAge() != null
                    ? (c.maxAge() <= 0 ? Instant.EPOCH : now.plusSeconds(c.maxAge()))
                    : c.expires();
            long created = ++sequence;
            for (int i = 0; i < cookies.size(); i++) {
                Cookie old = cookies.get(i);
                if (old.name().equals(c.name()) && old.domain().equals(domain) && old.path().equals(path)) {
                    created = old.created();
                    cookies.remove(i);
                    break;
                }
            }
            if (expires != null && !expires.isAfter(now)) {
                return; // an expiry in the past deletes
            }
            cookies.add(new Cookie(c.name(), c.value(), domain, path, expires, c.secure(), c.httpOnly(), hostOnly,
                    created));
        } finally {
            lock.unlock();
        }
    }

    /** The cookies to send to {@code url}: longest path first, then oldest first. */
    public List<Cookie> cookiesFor(HttpUrl url) {
        lock.lock();
        try {
            if (cookies.isEmpty()) {
                return List.of();
            }
            Instant now = clock.instant();
            cookies.removeIf(c -> c.expires() != null && !c.expires().isAfter(now));
            String host = url.host().toLowerCase(Locale.ROOT);
            String path = url.path();
            List<Cookie> out = new ArrayList<>();
            for (Cookie c : cookies) {
                boolean hostOk = c.hostOnly() ? host.equals(c.domain()) : domainMatches(host, c.domain());
                if (hostOk && pathMatches(path, c.path()) && (!c.secure() || url.isHttps())) {
                    out.add(c);
                }
            }
            out.sort(Comparator.comparingInt((Cookie c) -> -c.path().length()).thenComparingLong(Cookie::created));
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** k6's {@code jar.cookiesForURL(url)}: name to values, in sending order. */
    public Map<String, List<String>> cookiesForUrl(String url) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Cookie c : cookiesFor(parse(url))) {
            out.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c.value());
        }
        return out;
    }

    /** k6's {@code jar.delete(url, name)}: removes the named cookies that would be sent to url. */
    public void delete(String url, String name) {
        lock.lock();
        try {
            List<Cookie> matching = cookiesFor(parse(url));
            cookies.removeIf(c -> c.name().equals(name) && matching.contains(c));
        } finally {
            lock.unlock();
        }
    }

    /** k6's {@code jar.clear(url)}: removes every cookie that would be sent to url. */
    public void clear(String url) {
        lock.lock();
        try {
            List<Cookie> matching = cookiesFor(parse(url));
            cookies.removeAll(matching);
        } finally {
            lock.unlock();
        }
    }

    /** Empties the jar; the VU's own jar is emptied so at each iteration start. */
    public void clearAll() {
        lock.lock();
        try {
            cookies.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Every cookie held, for inspection. */
    public List<Cookie> all() {
        lock.lock();
        try {
            return List.copyOf(cookies);
        } finally {
            lock.unlock();
        }
    }

    private static HttpUrl parse(String url) {
        try {
            return HttpUrl.parse(url);
        } catch (HttpFailure e) {
            throw new IllegalArgumentException("invalid URL: " + url, e);
        }
    }

    static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) {
            return true;
        }
        return host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.'
                && !Dialer.isIpLiteral(host);
    }

    static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        if (requestPath.startsWith(cookiePath)) {
            return cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/';
        }
        return false;
    }

    static String defaultPath(String path) {
        int last = path.lastIndexOf('/');
        return last <= 0 ? "/" : path.substring(0, last);
    }
}
