package dev.weft.cloud.api;

import dev.weft.cloud.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (RFC 7578) as Go's {@code mime/multipart} writes it: each
 * part's name and bytes. k6 sends one when it creates a run with its archive
 * ({@code k6 cloud run --local-execution}, and {@code k6 run --out cloud} unless archive
 * upload is off). Read whole from a body already capped in size; stateless.
 */
record MultipartForm(Map<String, byte[]> parts) {
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /** The boundary of a multipart/form-data Content-Type, or null when it is not one. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
            }
        }
        return null;
    }

    static MultipartForm parse(byte[] body, String boundary) throws ApiException {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw new ApiException(400, "multipart body without a usable boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new ApiException(400, "multipart body does not start with its boundary");
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        at += delimiter.length;
        while (true) {
            if (at + 2 <= body.length && body[at] == '-' && body[at + 1] == '-') {
                return new MultipartForm(parts);
            }
            int headersEnd = indexOf(body, HEADER_END, at);
            if (headersEnd < 0) {
                throw new ApiException(400, "multipart part without the blank line after its headers");
            }
            String headers = new String(body, at, headersEnd - at, StandardCharsets.UTF_8);
            int contentStart = headersEnd + HEADER_END.length;
            int end = indexOf(body, next, contentStart);
            if (end < 0) {
                throw new ApiException(400, "multipart part is not closed by the boundary");
            }
            String name = partName(headers);
            if (name != null) {
                parts.put(name, Arrays.copyOfRange(body, contentStart, end));
            }
            at = end + next.length;
        }
    }

    /** A text field, or null when the form has none of that name. */
    String text(String name) {
        byte[] b = parts.get(name);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");

    private static String partName(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).trim().equalsIgnoreCase("content-disposition")) {
                continue;
            }
            var m = NAME.matcher(line.substring(colon + 1));
            return m.find() ? m.group(1) : null;
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
