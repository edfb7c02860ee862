package dev.weft.js.module.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a command's raw RESP2 reply becomes the value its promise resolves to, as go-redis's typed
 * commands read them in xk6-redis: a nil where a string is expected is the error "redis: nil",
 * TTL's -1/-2 stay nanoseconds (go-redis keeps them as a Duration, so k6 shows -1e-9 and -2e-9).
 * Runs on the worker thread; the values are plain Java (String, Double, Boolean, List, Map, null).
 */
enum Reply {
    /** A bulk or status string; nil rejects. */
    STRING,
    /** An integer. */
    INTEGER,
    /** An integer read as 1 = true. */
    BOOLEAN,
    /** TTL in seconds. */
    TTL,
    /** An array of strings. */
    STRINGS,
    /** An array of strings or nulls (MGET). */
    NULLABLE_STRINGS,
    /** A flat field/value array, made an object by the JS half (HGETALL). */
    MAP,
    /** Whatever came, as go-redis's Do returns it; a top-level nil rejects. */
    RAW;

    /** Thrown (and shown as k6 shows go-redis's Nil) when a command answers nil. */
    static final class Nil extends RuntimeException {
        Nil() {
            super("redis: nil", null, false, false);
        }
    }

    Object convert(Object raw) {
        return switch (this) {
            case STRING -> text(required(raw));
            case INTEGER -> number(raw);
            case BOOLEAN -> number(raw) == 1;
            case TTL -> {
                double n = number(raw);
                yield n == -1 || n == -2 ? n * 1e-9 : n;
            }
            case STRINGS, NULLABLE_STRINGS -> {
                List<Object> out = new ArrayList<>();
                if (raw != null) {
                    for (Object o : (List<?>) raw) {
                        out.add(o == null ? null : text(o));
                    }
                }
                yield out;
            }
            case MAP -> {
                List<Object> out = new ArrayList<>();
                if (raw != null) {
                    for (Object o : (List<?>) raw) {
                        out.add(text(o));
                    }
                }
                yield out;
            }
            case RAW -> raw(required(raw));
        };
    }

    private static Object required(Object raw) {
        if (raw == null) {
            throw new Nil();
        }
        return raw;
    }

    private static Object raw(Object raw) {
        if (raw instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                out.add(o == null ? null : raw(o));
            }
            return out;
        }
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        return text(raw);
    }

    private static String text(Object raw) {
        if (raw instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return String.valueOf(raw);
    }

    private static double number(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalStateException("redis: unexpected reply " + text(raw) + " where an integer was expected");
    }
}
