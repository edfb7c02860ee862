package dev.weft.js.module.http;

import dev.weft.http.HttpHeaders;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpTimings;
import dev.weft.http.ResponseType;
import dev.weft.http.RoundTrip;
import dev.weft.http.SetCookie;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * One response as http.js sees it: a read-only polyglot object whose members are made only when
 * the script first reads the matching field of its Response (the JS side caches them). Made per
 * request on the VU's thread and read only there.
 *
 * <p>Members: the k6 scalar fields ({@code status}, {@code status_text}, {@code proto},
 * {@code url}, {@code error}, {@code error_code}, {@code remote_ip}, {@code remote_port},
 * {@code tls_version}, {@code tls_cipher_suite}); {@code hasBody}; {@code body} (string,
 * ByteBuffer for binary, or null); {@code text} (the body as UTF-8 whatever the responseType);
 * {@code headers} (flat name/value array, canonical names, repeats joined with ", ");
 * {@code timings} (blocked, connecting, tls, sending, waiting, receiving, duration);
 * {@code cookies} (8 entries per Set-Cookie); {@code request} (a nested object).
 */
final class ResponseHandle implements ProxyObject {
    private static final List<String> KEYS = List.of("status", "status_text", "proto", "url", "error", "error_code",
            "remote_ip", "remote_port", "tls_version", "tls_cipher_suite", "hasBody", "body", "text", "headers",
            "timings", "cookies", "request");

    private final HttpResponse response;
    private final ResponseType type;
    private final boolean hasBody;
    private String text;

    ResponseHandle(HttpResponse response, ResponseType type) {
        this.response = response;
        this.type = type;
        int s = response.status();
        this.hasBody = type != ResponseType.NONE && response.error().isEmpty() && s != 204 && s != 304
                && !(s >= 100 && s < 200);
    }

    HttpResponse response() {
        return response;
    }

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "status" -> response.status();
            case "status_text" -> response.statusText();
            case "proto" -> response.proto();
            case "url" -> response.url();
            case "error" -> response.error();
            case "error_code" -> response.errorCode();
            case "remote_ip" -> response.remoteIp();
            case "remote_port" -> response.remotePort();
            case "tls_version" -> response.tlsVersion();
            case "tls_cipher_suite" -> response.tlsCipherSuite();
            case "hasBody" -> hasBody;
            case "body" -> body();
            case "text" -> text();
            case "headers" -> headers(response.headers());
            case "timings" -> timings(response.timings());
            case "cookies" -> cookies();
            case "request" -> request();
            default -> null;
        };
    }

    private Object body() {
        if (!hasBody) {
            return null;
        }
        return type == ResponseType.BINARY ? ByteBuffer.wrap(response.body()) : text();
    }

    private String text() {
        if (text == null) {
            text = response.bodyText();
        }
        return text;
    }

    private static String[] headers(HttpHeaders h) {
        Map<String, String> canonical = h.toCanonicalMap();
        String[] out = new String[canonical.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : canonical.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = e.getValue();
        }
        return out;
    }

    private static double[] timings(HttpTimings t) {
        return new double[] {t.blocked(), t.connecting(), t.tlsHandshaking(), t.sending(), t.waiting(),
                t.receiving(), t.duration()};
    }

    /** The final response's Set-Cookie headers: name, value, domain, path, http_only, secure, max_age, expires. */
    private Object[] cookies() {
        List<Object> out = new ArrayList<>();
        for (String header : response.headers().all("Set-Cookie")) {
            SetCookie c = SetCookie.parse(header);
            if (c == null) {
                continue;
            }
            out.add(c.name());
            out.add(c.value());
            out.add(c.domain());
            out.add(c.path());
            out.add(c.httpOnly());
            out.add(c.secure());
            out.add(c.maxAge() == null ? 0 : c.maxAge().intValue());
            out.add(c.expires() == null ? 0L : c.expires().toEpochMilli());
        }
        return out.toArray();
    }

    private ProxyObject request() {
        RoundTrip sent = response.request();
        if (sent == null) {
            return new RequestView("", response.url(), HttpHeaders.EMPTY, new byte[0]);
        }
        return new RequestView(sent.method(), sent.url(), sent.requestHeaders(), sent.requestBody());
    }

    @Override
    public Object getMemberKeys() {
        return KEYS.toArray();
    }

    @Override
    public boolean hasMember(String key) {
        return KEYS.contains(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("a response handle is read-only");
    }

    /** k6's {@code response.request}: method, url, headers (flat), body (text), cookies (flat name/value). */
    private record RequestView(String method, String url, HttpHeaders headers, byte[] body) implements ProxyObject {
        private static final List<String> MEMBERS = List.of("method", "url", "headers", "body", "cookies");

        @Override
        public Object getMember(String key) {
            return switch (key) {
                case "method" -> method;
                case "url" -> url;
                case "headers" -> flatHeaders();
                case "body" -> new String(body, StandardCharsets.UTF_8);
                case "cookies" -> cookies();
                default -> null;
            };
        }

        private String[] flatHeaders() {
            String[] out = new String[headers.size() * 2];
            for (int i = 0; i < headers.size(); i++) {
                out[i * 2] = HttpHeaders.canonicalName(headers.name(i));
                out[i * 2 + 1] = headers.value(i);
            }
            return out;
        }

        private String[] cookies() {
            List<String> out = new ArrayList<>();
            for (String header : headers.all("Cookie")) {
                for (String pair : header.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        out.add(pair.substring(0, eq).strip());
                        out.add(pair.substring(eq + 1).strip());
                    }
                }
            }
            return out.toArray(new String[0]);
        }

        @Override
        public Object getMemberKeys() {
            return MEMBERS.toArray();
        }

        @Override
        public boolean hasMember(String key) {
            return MEMBERS.contains(key);
        }

        @Override
        public void putMember(String key, Value value) {
            throw new UnsupportedOperationException("a request view is read-only");
        }
    }
}
