package dev.weft.target;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Maps a request path to the route that answers it. Called on each connection's virtual thread;
 * stateless, so one instance serves every connection.
 */
final class Routes {
    /** The benchmark answer for "/": tiny, fixed, built once. */
    private static final TargetResponse ROOT =
            TargetResponse.of(200, "text/plain", "ok\n".getBytes(StandardCharsets.ISO_8859_1));

    TargetResponse handle(TargetRequest req) {
        String path = req.path();
        if (path.equals("/")) {
            return ROOT;
        }
        List<String> seg = req.pathSegments();
        if (seg.isEmpty()) {
            return ROOT;
        }
        return switch (seg.get(0)) {
            case "get", "post", "put", "patch", "delete", "anything", "headers", "ip", "user-agent" ->
                    EchoRoutes.handle(req, seg);
            case "status" -> BodyRoutes.status(req, seg);
            case "delay" -> BodyRoutes.delay(req, seg);
            case "bytes" -> BodyRoutes.bytes(req, seg);
            case "gzip" -> BodyRoutes.gzip(req);
            case "deflate" -> BodyRoutes.deflate(req);
            case "brotli" -> BodyRoutes.brotli(req);
            case "zstd" -> BodyRoutes.zstd(req);
            case "compressed" -> BodyRoutes.compressed(req, seg);
            case "chunked" -> BodyRoutes.chunked(seg);
            case "close-delimited" -> BodyRoutes.closeDelimited(seg);
            case "response-headers" -> BodyRoutes.responseHeaders(req);
            case "cache" -> BodyRoutes.cache(req);
            case "connection-id" -> TargetResponse.json("{\"connection\": " + req.connectionId() + "}");
            case "redirect", "absolute-redirect" -> RedirectRoutes.chain(req, seg, true);
            case "relative-redirect" -> RedirectRoutes.chain(req, seg, false);
            case "redirect-to" -> RedirectRoutes.redirectTo(req);
            case "cookies" -> CookieRoutes.handle(req, seg);
            case "basic-auth" -> AuthRoutes.basic(req, seg);
            case "bearer" -> AuthRoutes.bearer(req);
            case "digest-auth" -> AuthRoutes.digest(req, seg);
            case "html" -> HtmlRoutes.html();
            case "forms" -> HtmlRoutes.formsPost();
            case "links" -> HtmlRoutes.links(seg);
            default -> TargetResponse.text(404, "not found: " + path);
        };
    }
}
