package dev.weft.cloud.web;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Refuses state-changing form posts that a browser sends from another site (cross-site
 * request forgery): the {@code Origin} header (or, without it, the {@code Referer}) must be
 * the service's own origin, either its public URL's or the one the request's {@code Host}
 * names (which a page on another site cannot set). Requests with neither header come from
 * non-browser clients and pass. Stateless; called on request threads.
 */
final class OriginCheck {
    private final Supplier<String> publicUrl;

    OriginCheck(Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** Null when the request may proceed, else why not. */
    String refusal(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null) {
            String referer = exchange.getRequestHeaders().getFirst("Referer");
            if (referer == null) {
                return null;
            }
            origin = originOf(referer);
        }
        String o = origin == null ? "null" : origin.toLowerCase(Locale.ROOT);
        String own = originOf(publicUrl.get());
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (o.equals(own) || (host != null && (o.equals("http://" + host.toLowerCase(Locale.ROOT))
                || o.equals("https://" + host.toLowerCase(Locale.ROOT))))) {
            return null;
        }
        return "cross-site form post from " + origin + " refused (this service is " + own + ")";
    }

    /** scheme://host[:port] of a URL, lower case, or null when it has none. */
    static String originOf(String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            String s = u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT);
            return u.getPort() < 0 ? s : s + ":" + u.getPort();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
