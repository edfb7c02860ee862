package dev.weft.target;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Routes that shape the response: /status/{code}, /delay/{s}, /bytes/{n}, /gzip, /deflate,
 * /brotli, /zstd, /compressed/{codings}, /chunked/{n}, /close-delimited/{n}, /response-headers,
 * /cache. Stateless; /delay sleeps the connection's virtual thread.
 */
final class BodyRoutes {
    private static final int MAX_BYTES = 100 * 1024 * 1024;

    private BodyRoutes() {
    }

    static TargetResponse status(TargetRequest req, List<String> seg) {
        if (seg.size() < 2) {
            return TargetResponse.text(400, "usage: /status/{code}");
        }
        String[] choices = seg.get(1).split(",");
        int code;
        try {
            code = Integer.parseInt(choices[new Random().nextInt(choices.length)].strip());
        } catch (NumberFormatException e) {
            return TargetResponse.text(400, "invalid status code");
        }
        if (code < 100 || code > 999) {
            return TargetResponse.text(400, "invalid status code");
        }
        TargetResponse r = TargetResponse.empty(code);
        if (code == 401) {
            r = r.withHeader("WWW-Authenticate", "Basic realm=\"Fake Realm\"");
        } else if (code >= 300 && code < 400 && code != 304) {
            r = r.withHeader("Location", "/redirect/1");
        }
        return r;
    }

    static TargetResponse delay(TargetRequest req, List<String> seg) {
        double seconds = seg.size() < 2 ? 1 : parseDouble(seg.get(1), 1);
        long millis = (long) (Math.min(Math.max(seconds, 0), 10) * 1000);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return TargetResponse.json(Json.write(EchoRoutes.echo(req, true)));
    }

    static TargetResponse bytes(TargetRequest req, List<String> seg) {
        int n = seg.size() < 2 ? 0 : (int) Math.min(parseDouble(seg.get(1), 0), MAX_BYTES);
        String seed = req.queryParam("seed");
        Random random = seed == null ? new Random() : new Random(Long.parseLong(seed));
        byte[] body = new byte[Math.max(n, 0)];
        random.nextBytes(body);
        return TargetResponse.of(200, "application/octet-stream", body);
    }

    static TargetResponse gzip(TargetRequest req) {
        return encoded(described(req, "gzipped"), "gzip");
    }

    static TargetResponse deflate(TargetRequest req) {
        return encoded(described(req, "deflated"), "deflate");
    }

    /** httpbin's /brotli: {"brotli": true, ...} sent with Content-Encoding br. */
    static TargetResponse brotli(TargetRequest req) {
        return encoded(described(req, "brotli"), "br");
    }

    /** Like /brotli, for zstd (httpbin has none; k6's own test server has /zstd). */
    static TargetResponse zstd(TargetRequest req) {
        return encoded(described(req, "zstd"), "zstd");
    }

    /**
     * /compressed/{codings}: {"compression": "gzip, br", ...} with the codings applied in the
     * order given, for stacked Content-Encoding.
     */
    static TargetResponse compressed(TargetRequest req, List<String> seg) {
        if (seg.size() < 2 || seg.get(1).isBlank()) {
            return TargetResponse.text(400, "usage: /compressed/{coding}[,{coding}...]");
        }
        String contentEncoding = String.join(", ", seg.get(1).split("\\s*,\\s*"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("compression", contentEncoding);
        out.putAll(described(req, null));
        return encoded(out, contentEncoding);
    }

    private static Map<String, Object> described(TargetRequest req, String flag) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (flag != null) {
            out.put(flag, true);
        }
        out.put("headers", EchoRoutes.headers(req));
        out.put("method", req.method());
        out.put("origin", EchoRoutes.origin(req));
        return out;
    }

    private static TargetResponse encoded(Map<String, Object> out, String contentEncoding) {
        byte[] body = Json.write(out).getBytes(StandardCharsets.UTF_8);
        try {
            for (String coding : contentEncoding.split(",")) {
                body = ContentCodings.encode(body, coding);
            }
        } catch (UnsupportedOperationException e) {
            return TargetResponse.text(501, e.getMessage());
        }
        return TargetResponse.of(200, "application/json", body).withHeader("Content-Encoding", contentEncoding);
    }

    /** n bytes of 'a'..'z' sent with chunked transfer coding, at most 100 bytes per chunk. */
    static TargetResponse chunked(List<String> seg) {
        return TargetResponse.of(200, "text/plain", letters(seg)).chunked(100);
    }

    /** n bytes of 'a'..'z' with no length: the body ends when the server closes the connection. */
    static TargetResponse closeDelimited(List<String> seg) {
        return TargetResponse.of(200, "text/plain", letters(seg)).closeDelimited();
    }

    private static byte[] letters(List<String> seg) {
        int n = seg.size() < 2 ? 0 : (int) Math.min(parseDouble(seg.get(1), 0), MAX_BYTES);
        byte[] body = new byte[Math.max(n, 0)];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return body;
    }

    /** Every query pair becomes a response header; the body echoes them. */
    static TargetResponse responseHeaders(TargetRequest req) {
        List<Map.Entry<String, String>> pairs = req.queryParams();
        TargetResponse r = TargetResponse.json(Json.write(Json.groupValues(pairs)));
        for (Map.Entry<String, String> e : pairs) {
            r = r.withHeader(e.getKey(), e.getValue());
        }
        return r;
    }

    /** 304 when the request is conditional, else 200 with validators. */
    static TargetResponse cache(TargetRequest req) {
        if (req.header("If-Modified-Since") != null || req.header("If-None-Match") != null) {
            return TargetResponse.empty(304);
        }
        return TargetResponse.json(Json.write(EchoRoutes.echo(req, false)))
                .withHeader("ETag", "\"weft\"")
                .withHeader("Last-Modified", "Thu, 01 Jan 2026 00:00:00 GMT");
    }

    static double parseDouble(String s, double fallback) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
