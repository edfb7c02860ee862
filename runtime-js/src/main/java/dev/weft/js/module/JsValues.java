package dev.weft.js.module;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Value;

/** Reads JS values into plain Java at the runtime boundary. */
public final class JsValues {
    private JsValues() {
    }

    /** A JS object's own members as strings; null or undefined gives an empty map. */
    public static Map<String, String> stringMap(Value v) {
        Map<String, String> m = new LinkedHashMap<>();
        if (v == null || v.isNull() || !v.hasMembers()) {
            return m;
        }
        for (String k : v.getMemberKeys()) {
            Value e = v.getMember(k);
            m.put(k, e.isString() ? e.asString() : e.toString());
        }
        return m;
    }

    /**
     * A JS value as JS's {@code Number(v)} makes it: numbers as they are, anything else (a
     * string, a boolean, null, an object with valueOf) through the calling context's own
     * {@code Number}. Call on a thread inside the context (a host function's callback).
     */
    public static double number(Value v) {
        if (v.isNumber() && v.fitsInDouble()) {
            return v.asDouble();
        }
        return v.getContext().getBindings("js").getMember("Number").execute(v).asDouble();
    }

    /** True for a missing, null or undefined JS value. */
    public static boolean absent(Value v) {
        return v == null || v.isNull();
    }
}
