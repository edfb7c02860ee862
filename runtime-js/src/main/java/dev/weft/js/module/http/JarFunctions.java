package dev.weft.js.module.http;

import dev.weft.http.CookieJar;
import dev.weft.http.SetCookie;
import dev.weft.js.module.HostObject;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * The cookie-jar half of the host object: what a script's {@code CookieJar} methods call, with
 * the Java jar passed back in as an opaque handle. Stateless; called on the VU's thread (the jar
 * itself locks, because batches share it).
 */
final class JarFunctions {
    private JarFunctions() {
    }

    static void addTo(HostObject host) {
        host.fn("jarCookies", args -> cookiesForUrl(jar(args[0]), args[1].asString()))
                .fn("jarSet", args -> {
                    set(jar(args[0]), args[1].asString(), args[2].asString(), args[3].asString(), args[4]);
                    return true;
                })
                .fn("jarClear", args -> {
                    jar(args[0]).clear(args[1].asString());
                    return null;
                })
                .fn("jarDelete", args -> {
                    jar(args[0]).delete(args[1].asString(), args[2].asString());
                    return null;
                });
    }

    private static CookieJar jar(Value v) {
        return v.asHostObject();
    }

    /** Name, value, name, value... in the order they would be sent. */
    static String[] cookiesForUrl(CookieJar jar, String url) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : jar.cookiesForUrl(url).entrySet()) {
            for (String v : e.getValue()) {
                out.add(e.getKey());
                out.add(v);
            }
        }
        return out.toArray(new String[0]);
    }

    /**
     * k6's {@code jar.set(url, name, value, {domain, path, expires, max_age, secure, http_only})}.
     * As in Go, a max_age of 0 means "not given" and a negative one deletes the cookie.
     *
     * @param opts [domain, path, expires (RFC 1123 text or ""), max_age or null, secure, http_only]
     */
    static void set(CookieJar jar, String url, String name, String value, Value opts) {
        String domain = opts.getArrayElement(0).asString();
        if (domain.startsWith(".")) {
            domain = domain.substring(1);
        }
        String expiresText = opts.getArrayElement(2).asString();
        Instant expires = null;
        if (!expiresText.isEmpty()) {
            try {
                expires = ZonedDateTime.parse(expiresText, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("unable to parse \"expires\" date string \"" + expiresText
                        + "\": " + e.getMessage());
            }
        }
        Value maxAgeValue = opts.getArrayElement(3);
        Long maxAge = null;
        if (!maxAgeValue.isNull() && maxAgeValue.asLong() != 0) {
            maxAge = Math.max(0, maxAgeValue.asLong());
        }
        jar.set(url, new SetCookie(name, value, domain.toLowerCase(Locale.ROOT),
                opts.getArrayElement(1).asString(), expires, maxAge, opts.getArrayElement(4).asBoolean(),
                opts.getArrayElement(5).asBoolean(), ""));
    }
}
