package dev.weft.target;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses request bodies the echo routes report: URL-encoded forms and multipart/form-data
 * (fields go to "form", parts with a filename to "files"). Stateless.
 */
final class FormData {
    private FormData() {
    }

    /** A multipart body split into plain fields and file parts (file contents as text). */
    record Multipart(List<Map.Entry<String, String>> fields, List<Map.Entry<String, String>> files) {
    }

    static List<Map.Entry<String, String>> parseUrlEncoded(String text) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(Map.entry(decode(k), decode(v)));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Parses multipart/form-data given the Content-Type header that names the boundary. */
    static Multipart parseMultipart(String contentType, byte[] body) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        List<Map.Entry<String, String>> files = new ArrayList<>();
        String boundary = param(contentType, "boundary");
        if (boundary == null) {
            return new Multipart(fields, files);
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int partStart = at + delimiter.length();
            if (text.startsWith("--", partStart)) {
                break;
            }
            int next = text.indexOf("\r\n" + delimiter, partStart);
            if (next < 0) {
                break;
            }
            String part = text.substring(partStart, next);
            int split = part.indexOf("\r\n\r\n");
            if (split >= 0) {
                String head = part.substring(0, split);
                byte[] raw = part.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1);
                String content = new String(raw, StandardCharsets.UTF_8);
                String disposition = headerIn(head, "content-disposition");
                String name = param(disposition, "name");
                String filename = param(disposition, "filename");
                if (name != null) {
                    (filename != null ? files : fields).add(Map.entry(name, content));
                }
            }
            at = next + 2;
        }
        return new Multipart(fields, files);
    }

    private static String headerIn(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** A parameter of a header value such as {@code form-data; name="a"}, unquoted; or null. */
    static String param(String headerValue, String name) {
        if (headerValue == null) {
            return null;
        }
        for (String piece : headerValue.split(";")) {
            String p = piece.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }
}
