package dev.weft.js.module.grpc;

import dev.weft.metrics.Tags;
import dev.weft.options.K6Duration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * The params of {@code invoke}, {@code asyncInvoke} and {@code new Stream}: metadata, tags,
 * timeout, discardResponseMessage; anything else is refused, as in k6.
 */
record CallParams(Map<String, List<String>> metadata, Tags tags, Duration timeout, boolean discardResponseMessage) {

    static CallParams read(Value params) {
        Map<String, List<String>> metadata = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        Duration timeout = null;
        boolean discard = false;
        if (!GrpcVuModule.absent(params)) {
            for (String k : params.getMemberKeys()) {
                Value v = params.getMember(k);
                switch (k) {
                    case "metadata" -> metadata = metadata(v, "metadata");
                    case "tags" -> {
                        if (!GrpcVuModule.absent(v)) {
                            for (String t : v.getMemberKeys()) {
                                Value tv = v.getMember(t);
                                tags.put(t, tv.isString() ? tv.asString() : tv.toString());
                            }
                        }
                    }
                    case "timeout" -> timeout = duration(v);
                    case "discardResponseMessage" -> discard = v.isBoolean() ? v.asBoolean() : !v.isNull();
                    default -> throw new IllegalArgumentException("unknown param: \"" + k + "\"");
                }
            }
        }
        return new CallParams(metadata, new Tags(tags), timeout, discard);
    }

    /**
     * k6's metadata objects: string values, and for keys ending in -bin a Uint8Array (what k6's
     * runtime exports as bytes; an ArrayBuffer is refused there too).
     */
    static Map<String, List<String>> metadata(Value v, String what) {
        Map<String, List<String>> md = new LinkedHashMap<>();
        if (GrpcVuModule.absent(v)) {
            return md;
        }
        if (!v.hasMembers() || v.hasArrayElements()) {
            throw new IllegalArgumentException("invalid " + what + " param: must be an object with key-value pairs");
        }
        for (String k : v.getMemberKeys()) {
            Value e = v.getMember(k);
            String value;
            if (k.endsWith("-bin")) {
                if (!e.hasArrayElements() || e.getMetaObject() == null
                        || !"Uint8Array".equals(e.getMetaObject().getMetaSimpleName())) {
                    throw new IllegalArgumentException("invalid " + what + " param: \"" + k + "\" value must be binary");
                }
                byte[] b = new byte[(int) e.getArraySize()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) e.getArrayElement(i).asInt();
                }
                value = new String(b, StandardCharsets.ISO_8859_1);
            } else if (e.isString()) {
                value = e.asString();
            } else {
                throw new IllegalArgumentException("invalid " + what + " param: \"" + k + "\" value must be a string");
            }
            md.computeIfAbsent(k.toLowerCase(java.util.Locale.ROOT), x -> new ArrayList<>()).add(value);
        }
        return md;
    }

    /** k6's duration values: a number of milliseconds or a Go-style duration string. */
    static Duration duration(Value v) {
        try {
            if (v.isNumber()) {
                return Duration.ofNanos(Math.round(v.asDouble() * 1_000_000));
            }
            if (v.isString()) {
                return K6Duration.parse(v.asString());
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid timeout value: time: invalid duration \"" + v.asString() + "\"");
        }
        throw new IllegalArgumentException("invalid timeout value: unable to use type " + v + " as a duration value");
    }
}
