package dev.weft.js.module.html;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Selection.data() as k6 reads it: {@code data-*} attributes, names turned between kebab-case
 * and camelCase, values converted like jQuery's (booleans, numbers, JSON, else text). Values
 * come back as {@link Converted} so the JS side can parse JSON in its own context.
 */
final class DataAttributes {
    /** A converted value: {@code json} true means {@code value} is JSON text to parse. */
    record Converted(Object value, boolean json) {
    }

    /** Stands for undefined (an empty, "null" or "undefined" attribute). */
    static final Converted UNDEFINED = new Converted(null, false);

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private DataAttributes() {
    }

    static Converted get(Element e, String key) {
        String attr = "data-" + toAttr(key);
        return e.hasAttr(attr) ? convert(e.attr(attr)) : UNDEFINED;
    }

    static Map<String, Converted> all(Element e) {
        Map<String, Converted> out = new LinkedHashMap<>();
        for (Attribute a : e.attributes()) {
            if (a.getKey().startsWith("data-") && a.getKey().length() > 5) {
                out.put(toProperty(a.getKey().substring(5)), convert(a.getValue()));
            }
        }
        return out;
    }

    static Converted convert(String v) {
        if (v.isEmpty() || v.equals("null") || v.equals("undefined")) {
            return UNDEFINED;
        }
        if (v.charAt(0) == '{' || v.charAt(0) == '[') {
            return new Converted(v, true);
        }
        if (v.equals("true") || v.equals("false")) {
            return new Converted(Boolean.parseBoolean(v), false);
        }
        if (NUMBER.matcher(v).matches()) {
            return new Converted(Double.parseDouble(v), false);
        }
        return new Converted(v, false);
    }

    /** fooBarBaz -> foo-bar-baz */
    static String toAttr(String property) {
        StringBuilder sb = new StringBuilder();
        for (char c : property.toCharArray()) {
            if (Character.isUpperCase(c)) {
                if (!sb.isEmpty()) {
                    sb.append('-');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** foo-bar-baz -> fooBarBaz */
    static String toProperty(String attr) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : attr.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
