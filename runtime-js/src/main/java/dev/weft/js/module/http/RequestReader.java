package dev.weft.js.module.http;

import dev.weft.http.AuthMode;
import dev.weft.http.CookieJar;
import dev.weft.http.ExpectedStatuses;
import dev.weft.http.HttpHeaders;
import dev.weft.http.HttpRequest;
import dev.weft.http.RequestCookie;
import dev.weft.http.ResponseType;
import dev.weft.metrics.Tags;
import dev.weft.options.K6Duration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.graalvm.polyglot.Value;

/**
 * Reads the arguments http.js flattened ({@code method, url, name, body, params}) into a
 * {@link ParsedRequest}. The params array has fixed positions (see {@code paramsArg} in
 * http.js). One per VU; called on its thread.
 */
final class RequestReader {
    private static final int HEADERS = 0;
    private static final int TAGS = 1;
    private static final int TIMEOUT = 2;
    private static final int REDIRECTS = 3;
    private static final int RESPONSE_TYPE = 4;
    private static final int COOKIES = 5;
    private static final int JAR = 6;
    private static final int AUTH = 7;
    private static final int COMPRESSION = 8;
    private static final int CALLBACK_MODE = 9;
    private static final int CALLBACK = 10;
    private static final int THROW = 11;
    private static final int CALLBACK_NULL = 1;
    private static final List<String> COMPRESSIONS = List.of("gzip", "deflate", "br", "zstd");

    private final HttpSettings settings;
    private final ResponseType defaultResponseType;

    RequestReader(HttpSettings settings) {
        this.settings = settings;
        this.defaultResponseType = settings.discardResponseBodies() ? ResponseType.NONE : ResponseType.TEXT;
    }

    /**
     * @throws RequestArgumentException a value k6 reports as a failed request (or throws with
     *                                  the {@code throw} option)
     * @throws IllegalArgumentException a method that is not an HTTP token: always a script error
     */
    ParsedRequest read(Value method, Value url, Value name, Value body, Value params)
            throws RequestArgumentException {
        String m = method.asString();
        if (!isToken(m)) {
            throw new IllegalArgumentException("invalid HTTP method \"" + m + "\"");
        }
        String u = url.asString();
        HttpRequest request = new HttpRequest(m, u, HttpHeaders.EMPTY, null, HttpRequest.DEFAULT_TIMEOUT,
                settings.maxRedirects(), defaultResponseType, List.of(), AuthMode.NONE, List.of());
        FormBody.Encoded form = null;
        if (!body.isNull()) {
            if (body.isString()) {
                request = request.withBody(body.asString().getBytes(StandardCharsets.UTF_8));
            } else if (body.hasBufferElements()) {
                request = request.withBody(bytes(body));
            } else {
                form = form(body);
                request = request.withBody(form.body());
            }
        }
        String template = name.isNull() ? null : name.asString();
        if (params.isNull()) {
            if (form != null) {
                request = request.withHeaders(HttpHeaders.of("Content-Type", form.contentType()));
            }
            Tags tags = nameTag(Tags.EMPTY, template, u);
            return new ParsedRequest(request, tags, null, false, null, settings.throwErrors(),
                    settings.maxRedirectsSet());
        }
        return withParams(request, form, template, params);
    }

    private ParsedRequest withParams(HttpRequest request, FormBody.Encoded form, String template, Value p)
            throws RequestArgumentException {
        request = request.withHeaders(headers(p.getArrayElement(HEADERS), form));
        Tags tags = nameTag(tags(p.getArrayElement(TAGS)), template, request.url());
        Value timeout = p.getArrayElement(TIMEOUT);
        if (!timeout.isNull()) {
            request = request.withTimeout(timeout(timeout));
        }
        Value redirects = p.getArrayElement(REDIRECTS);
        if (!redirects.isNull()) {
            request = request.withMaxRedirects(Math.max(0, redirects.asInt()));
        }
        Value type = p.getArrayElement(RESPONSE_TYPE);
        if (!type.isNull()) {
            request = request.withResponseType(responseType(type.asString()));
        }
        request = request.withCookies(cookies(p.getArrayElement(COOKIES)));
        Value auth = p.getArrayElement(AUTH);
        if (!auth.isNull()) {
            request = request.withAuth(auth(auth.asString()));
        }
        Value compression = p.getArrayElement(COMPRESSION);
        if (!compression.isNull()) {
            request = request.withCompression(compression(compression.asString()));
        }
        Value jarValue = p.getArrayElement(JAR);
        CookieJar jar = jarValue.isHostObject() ? jarValue.asHostObject() : null;
        int callbackMode = p.getArrayElement(CALLBACK_MODE).asInt();
        ExpectedStatuses callback = null;
        if (callbackMode > CALLBACK_NULL) {
            callback = p.getArrayElement(CALLBACK).asHostObject();
        }
        Value throwValue = p.getArrayElement(THROW);
        boolean throwErrors = throwValue.isNull() ? settings.throwErrors() : throwValue.asBoolean();
        return new ParsedRequest(request, tags, jar, callbackMode > 0, callback, throwErrors,
                !redirects.isNull() || settings.maxRedirectsSet());
    }

    /** k6 names a request after its http.url template unless the script set a name tag. */
    private static Tags nameTag(Tags tags, String template, String url) {
        if (template == null || tags.get("name") != null || template.equals(url)) {
            return tags;
        }
        return tags.with("name", template);
    }

    private static HttpHeaders headers(Value flat, FormBody.Encoded form) {
        HttpHeaders.Builder b = HttpHeaders.builder();
        boolean hasContentType = false;
        if (!flat.isNull()) {
            // Go's Header.Set: a later name replaces an earlier one that differs only in case
            Map<String, String[]> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            List<String[]> ordered = new ArrayList<>();
            long n = flat.getArraySize();
            for (long i = 0; i + 1 < n; i += 2) {
                String name = flat.getArrayElement(i).asString();
                String value = flat.getArrayElement(i + 1).asString();
                String[] existing = byName.get(name);
                if (existing != null) {
                    existing[1] = value;
                } else {
                    String[] field = {name, value};
                    byName.put(name, field);
                    ordered.add(field);
                }
            }
            for (String[] f : ordered) {
                b.add(f[0], f[1]);
            }
            hasContentType = byName.containsKey("Content-Type");
        }
        if (form != null && !hasContentType) {
            b.add("Content-Type", form.contentType());
        }
        return b.build();
    }

    private static Tags tags(Value flat) {
        if (flat.isNull() || flat.getArraySize() == 0) {
            return Tags.EMPTY;
        }
        Map<String, String> m = new TreeMap<>();
        long n = flat.getArraySize();
        for (long i = 0; i + 1 < n; i += 2) {
            m.put(flat.getArrayElement(i).asString(), flat.getArrayElement(i + 1).asString());
        }
        return new Tags(m);
    }

    private static Duration timeout(Value v) throws RequestArgumentException {
        if (v.isNumber()) {
            return Duration.ofNanos(Math.round(v.asDouble() * 1_000_000));
        }
        try {
            return K6Duration.parse(v.asString());
        } catch (IllegalArgumentException e) {
            throw new RequestArgumentException("invalid timeout value: " + v.asString() + ": " + e.getMessage(), 0);
        }
    }

    private static ResponseType responseType(String s) throws RequestArgumentException {
        return switch (s) {
            case "text" -> ResponseType.TEXT;
            case "binary" -> ResponseType.BINARY;
            case "none" -> ResponseType.NONE;
            default -> throw new RequestArgumentException(s + " does not belong to ResponseType values", 0);
        };
    }

    private static List<RequestCookie> cookies(Value flat) {
        if (flat.isNull()) {
            return List.of();
        }
        List<RequestCookie> out = new ArrayList<>();
        long n = flat.getArraySize();
        for (long i = 0; i + 2 < n; i += 3) {
            out.add(new RequestCookie(flat.getArrayElement(i).asString(), flat.getArrayElement(i + 1).asString(),
                    flat.getArrayElement(i + 2).asBoolean()));
        }
        return out;
    }

    private static AuthMode auth(String s) throws RequestArgumentException {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "digest" -> AuthMode.DIGEST;
            case "basic" -> AuthMode.BASIC;
            case "ntlm" -> throw new RequestArgumentException("NTLM authentication is not supported by weft", 0);
            default -> AuthMode.NONE;
        };
    }

    private static List<String> compression(String s) throws RequestArgumentException {
        List<String> out = new ArrayList<>();
        if (s.isBlank()) {
            return out;
        }
        for (String part : s.split(",")) {
            String algo = part.strip();
            if (!COMPRESSIONS.contains(algo)) {
                throw new RequestArgumentException("unknown compression algorithm " + algo
                        + ", supported algorithms are " + COMPRESSIONS, 0);
            }
            out.add(algo);
        }
        return out;
    }

    /** ['form' | 'multipart', name, value | [data, filename, contentType], ...] */
    private static FormBody.Encoded form(Value spec) {
        boolean multipart = spec.getArrayElement(0).asString().equals("multipart");
        List<FormBody.Field> fields = new ArrayList<>();
        long n = spec.getArraySize();
        for (long i = 1; i + 1 < n; i += 2) {
            String name = spec.getArrayElement(i).asString();
            Value v = spec.getArrayElement(i + 1);
            if (v.hasArrayElements()) {
                Value data = v.getArrayElement(0);
                byte[] bytes = data.isString() ? data.asString().getBytes(StandardCharsets.UTF_8) : bytes(data);
                fields.add(new FormBody.Field(name, "", new FormBody.FileField(bytes,
                        v.getArrayElement(1).asString(), v.getArrayElement(2).asString())));
            } else {
                fields.add(new FormBody.Field(name, v.asString(), null));
            }
        }
        return multipart ? FormBody.multipart(fields) : FormBody.urlEncoded(fields);
    }

    /** The bytes of an ArrayBuffer. */
    static byte[] bytes(Value buffer) {
        byte[] out = new byte[Math.toIntExact(buffer.getBufferSize())];
        buffer.readBuffer(0, out, 0, out.length);
        return out;
    }

    /** An RFC 9110 token, which is what a method must be. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
