package dev.weft.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP Digest authentication (RFC 7616; MD5, MD5-sess, SHA-256, SHA-256-sess; qop "auth" or
 * none): reads a server's {@code WWW-Authenticate: Digest ...} challenge and makes the
 * Authorization header that answers it. k6 sends the request once without credentials and
 * retries once after the 401. Stateless.
 */
final class DigestAuth {
    private DigestAuth() {
    }

    /** The Digest challenge among the response's WWW-Authenticate values, parsed; or null. */
    static Map<String, String> challenge(HttpHeaders headers) {
        for (String value : headers.all("WWW-Authenticate")) {
            if (value.regionMatches(true, 0, "Digest ", 0, 7)) {
                return parseParams(value.substring(7));
            }
        }
        return null;
    }

    static String authorization(Map<String, String> ch, Credentials cred, String method, String uri) {
        String realm = ch.getOrDefault("realm", "");
        String nonce = ch.getOrDefault("nonce", "");
        String algorithm = ch.getOrDefault("algorithm", "MD5");
        String alg = algorithm.toUpperCase(Locale.ROOT);
        boolean sess = alg.endsWith("-SESS");
        String jca = alg.startsWith("SHA-256") ? "SHA-256" : "MD5";
        String qop = chooseQop(ch.get("qop"));
        String cnonce = HexFormat.of().formatHex(randomBytes());
        String nc = "00000001";
        String ha1 = hash(jca, cred.user() + ":" + realm + ":" + cred.password());
        if (sess) {
            ha1 = hash(jca, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = hash(jca, method + ":" + uri);
        String response = qop == null
                ? hash(jca, ha1 + ":" + nonce + ":" + ha2)
                : hash(jca, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        StringBuilder sb = new StringBuilder(256).append("Digest username=\"").append(cred.user())
                .append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(uri)
                .append("\", algorithm=").append(algorithm)
                .append(", response=\"").append(response).append('"');
        if (ch.containsKey("opaque")) {
            sb.append(", opaque=\"").append(ch.get("opaque")).append('"');
        }
        if (qop != null) {
            sb.append(", qop=").append(qop).append(", nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        return sb.toString();
    }

    private static String chooseQop(String offered) {
        if (offered == null) {
            return null;
        }
        for (String q : offered.split(",")) {
            if (q.strip().equalsIgnoreCase("auth")) {
                return "auth";
            }
        }
        return null; // only auth-int offered: answer the RFC 2069 way
    }

    static Map<String, String> parseParams(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < s.length() && s.charAt(i) == '"') {
                StringBuilder v = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    v.append(s.charAt(i++));
                }
                i++;
                value = v.toString();
            } else {
                int end = s.indexOf(',', i);
                end = end < 0 ? s.length() : end;
                value = s.substring(i, end).strip();
                i = end;
            }
            out.put(key, value);
        }
        return out;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
