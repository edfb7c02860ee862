package dev.weft.js.module.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Encodes an object request body as k6 does: {@code application/x-www-form-urlencoded} with
 * keys sorted (Go's {@code url.Values.Encode}), or {@code multipart/form-data} when a value is an
 * {@code http.file()}. Stateless.
 */
final class FormBody {
    private FormBody() {
    }

    /** One form field; {@code file} is null for a plain value. */
    record Field(String name, String value, FileField file) {
    }

    /** An {@code http.file()} value. */
    record FileField(byte[] data, String filename, String contentType) {
    }

    /** An encoded body with the Content-Type it needs. */
    record Encoded(byte[] body, String contentType) {
    }

    static Encoded urlEncoded(List<Field> fields) {
        List<Field> sorted = new ArrayList<>(fields);
        sorted.sort(Comparator.comparing(Field::name));
        StringBuilder sb = new StringBuilder();
        for (Field f : sorted) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            queryEscape(f.name(), sb);
            sb.append('=');
            queryEscape(f.value(), sb);
        }
        return new Encoded(sb.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    static Encoded multipart(List<Field> fields) {
        byte[] random = new byte[30];
        ThreadLocalRandom.current().nextBytes(random);
        String boundary = HexFormat.of().formatHex(random);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean first = true;
        for (Field f : fields) {
            write(out, (first ? "--" : "\r\n--") + boundary + "\r\n");
            first = false;
            if (f.file() == null) {
                write(out, "Content-Disposition: form-data; name=\"" + escapeQuotes(f.name()) + "\"\r\n\r\n");
                write(out, f.value());
            } else {
                write(out, "Content-Disposition: form-data; name=\"" + escapeQuotes(f.name()) + "\"; filename=\""
                        + escapeQuotes(f.file().filename()) + "\"\r\nContent-Type: " + f.file().contentType()
                        + "\r\n\r\n");
                out.writeBytes(f.file().data());
            }
        }
        write(out, (first ? "--" : "\r\n--") + boundary + "--\r\n");
        return new Encoded(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String escapeQuotes(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Go's {@code url.QueryEscape}: unreserved characters stay, space becomes '+', the rest %XX. */
    static void queryEscape(String s, StringBuilder sb) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
    }
}
