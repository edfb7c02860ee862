package dev.weft.target;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for httpbin-like answers: writing maps, lists, strings, numbers and booleans
 * (values already JSON are wrapped in {@link Raw}), and checking whether a text is valid JSON.
 * Stateless.
 */
final class Json {
    private Json() {
    }

    /** A value that is already JSON text and is written as is. */
    record Raw(String json) {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value) {
        switch (value) {
            case null -> sb.append("null");
            case Raw raw -> sb.append(raw.json());
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b);
            case Number n -> sb.append(n);
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue());
                }
                sb.append('}');
            }
            case Collection<?> c -> {
                sb.append('[');
                boolean first = true;
                for (Object o : c) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    write(sb, o);
                }
                sb.append(']');
            }
            default -> string(sb, value.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00");
                        sb.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** True when the whole text is one JSON value (surrounding whitespace allowed). */
    static boolean isValid(String text) {
        Checker c = new Checker(text);
        try {
            c.value();
            c.ws();
            return c.i == text.length();
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    /** A recursive-descent validator that builds nothing. */
    private static final class Checker {
        private final String s;
        private int i;

        Checker(String s) {
            this.s = s;
        }

        void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        void value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> container('}', true);
                case '[' -> container(']', false);
                case '"' -> str();
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> number();
            }
        }

        void container(char close, boolean object) {
            i++;
            ws();
            if (s.charAt(i) == close) {
                i++;
                return;
            }
            while (true) {
                if (object) {
                    ws();
                    if (s.charAt(i) != '"') {
                        throw new IllegalArgumentException();
                    }
                    str();
                    ws();
                    expect(':');
                }
                value();
                ws();
                char c = s.charAt(i++);
                if (c == close) {
                    return;
                }
                if (c != ',') {
                    throw new IllegalArgumentException();
                }
            }
        }

        void str() {
            i++;
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return;
                }
                if (c == '\\') {
                    i++;
                } else if (c < 0x20) {
                    throw new IllegalArgumentException();
                }
            }
        }

        void literal(String word) {
            if (!s.startsWith(word, i)) {
                throw new IllegalArgumentException();
            }
            i += word.length();
        }

        void number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException();
            }
            Double.parseDouble(s.substring(start, i));
        }

        void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalArgumentException();
            }
        }
    }

    /** httpbin's shape for repeated keys: one value as a string, several as a list. */
    static Map<String, Object> groupValues(List<Map.Entry<String, String>> pairs) {
        Map<String, Object> out = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : pairs) {
            Object prev = out.get(e.getKey());
            if (prev == null) {
                out.put(e.getKey(), e.getValue());
            } else if (prev instanceof List<?> l) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) l;
                list.add(e.getValue());
            } else {
                out.put(e.getKey(), new java.util.ArrayList<>(List.of(prev, e.getValue())));
            }
        }
        return out;
    }
}
