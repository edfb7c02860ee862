package dev.weft.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * httpbin's echo answers: /get, /post, /put, /patch, /delete, /anything, /headers, /ip. A body
 * sent with a Content-Encoding is also echoed decoded. Stateless.
 */
final class EchoRoutes {
    private EchoRoutes() {
    }

    /** The request as httpbin's JSON: args, headers, origin, url, and for bodies data/form/files/json. */
    static Map<String, Object> echo(TargetRequest req, boolean withBody) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("args", Json.groupValues(req.queryParams()));
        if (withBody) {
            addBody(req, out);
        }
        out.put("headers", headers(req));
        out.put("method", req.method());
        out.put("origin", origin(req));
        out.put("url", req.url());
        return out;
    }

    private static void addBody(TargetRequest req, Map<String, Object> out) {
        String contentType = req.header("Content-Type");
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(req.body(), StandardCharsets.UTF_8);
        Object form = Map.of();
        Object files = Map.of();
        String data = "";
        if (type.startsWith("application/x-www-form-urlencoded")) {
            form = Json.groupValues(FormData.parseUrlEncoded(text));
        } else if (type.startsWith("multipart/form-data")) {
            FormData.Multipart mp = FormData.parseMultipart(contentType, req.body());
            form = Json.groupValues(mp.fields());
            files = Json.groupValues(mp.files());
        } else {
            data = text;
        }
        out.put("data", data);
        out.put("files", files);
        out.put("form", form);
        out.put("json", type.contains("json") && Json.isValid(text) ? new Json.Raw(text.strip()) : null);
        String contentEncoding = req.header("Content-Encoding");
        if (contentEncoding != null) {
            decoded(req.body(), contentEncoding, out);
        }
    }

    /**
     * Not in httpbin, whose "data" shows the body as received: "decoded" is the body with its
     * Content-Encoding undone (k6's compression param), or null with "decodeError" saying why.
     */
    private static void decoded(byte[] body, String contentEncoding, Map<String, Object> out) {
        try {
            out.put("decoded", new String(ContentCodings.decode(body, contentEncoding), StandardCharsets.UTF_8));
        } catch (IOException e) {
            out.put("decoded", null);
            out.put("decodeError", e.getMessage());
        }
    }

    /** Header names in canonical form (Content-Type), repeated values joined with ",". */
    static Map<String, Object> headers(TargetRequest req) {
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, String> h : req.headers()) {
            String name = canonical(h.getKey());
            Object prev = out.get(name);
            out.put(name, prev == null ? h.getValue() : prev + "," + h.getValue());
        }
        return out;
    }

    static String origin(TargetRequest req) {
        String remote = req.remoteAddress();
        int colon = remote.lastIndexOf(':');
        String ip = colon > 0 ? remote.substring(0, colon) : remote;
        return ip.startsWith("/") ? ip.substring(1) : ip;
    }

    static String canonical(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return sb.toString();
    }

    static TargetResponse handle(TargetRequest req, List<String> seg) {
        String first = seg.isEmpty() ? "" : seg.get(0);
        return switch (first) {
            case "headers" -> TargetResponse.json(Json.write(Map.of("headers", headers(req))));
            case "ip" -> TargetResponse.json(Json.write(Map.of("origin", origin(req))));
            case "user-agent" -> TargetResponse.json(Json.write(
                    Map.of("user-agent", String.valueOf(req.header("User-Agent")))));
            case "anything" -> TargetResponse.json(Json.write(echo(req, true)));
            default -> methodEcho(req, first);
        };
    }

    private static TargetResponse methodEcho(TargetRequest req, String first) {
        String wanted = first.toUpperCase(Locale.ROOT);
        String method = req.method();
        boolean matches = method.equals(wanted) || (wanted.equals("GET") && method.equals("HEAD"));
        if (!matches) {
            return TargetResponse.empty(405).withHeader("Allow", wanted + ", OPTIONS");
        }
        return TargetResponse.json(Json.write(echo(req, !wanted.equals("GET"))));
    }
}
