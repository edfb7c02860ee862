package dev.weft.target;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * /basic-auth/{user}/{pass}, /bearer and /digest-auth/{qop}/{user}/{pass}[/{algorithm}] (RFC 7616
 * with MD5 or SHA-256, qop "auth" or none). Nonces are not remembered: any nonce the server could
 * have issued is accepted, which is enough for a test target. Stateless.
 */
final class AuthRoutes {
    private static final String REALM = "weft-target@example.invalid";

    private AuthRoutes() {
    }

    static TargetResponse basic(TargetRequest req, List<String> seg) {
        if (seg.size() < 3) {
            return TargetResponse.text(400, "usage: /basic-auth/{user}/{pass}");
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (seg.get(1) + ":" + seg.get(2)).getBytes(StandardCharsets.UTF_8));
        if (expected.equals(req.header("Authorization"))) {
            return authenticated(seg.get(1));
        }
        return TargetResponse.empty(401).withHeader("WWW-Authenticate", "Basic realm=\"Fake Realm\"");
    }

    static TargetResponse bearer(TargetRequest req) {
        String auth = req.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return TargetResponse.empty(401).withHeader("WWW-Authenticate", "Bearer");
        }
        return TargetResponse.json(Json.write(Map.of("authenticated", true, "token", auth.substring(7))));
    }

    static TargetResponse digest(TargetRequest req, List<String> seg) {
        if (seg.size() < 4) {
            return TargetResponse.text(400, "usage: /digest-auth/{qop}/{user}/{pass}[/{algorithm}]");
        }
        String qop = seg.get(1);
        String user = seg.get(2);
        String pass = seg.get(3);
        String algorithm = seg.size() > 4 ? seg.get(4).toUpperCase(Locale.ROOT) : "MD5";
        String auth = req.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Digest ", 0, 7)
                && verify(parseParams(auth.substring(7)), req, user, pass, algorithm)) {
            return authenticated(user);
        }
        String nonce = HexFormat.of().formatHex(randomBytes(16));
        String opaque = HexFormat.of().formatHex(randomBytes(16));
        String challenge = "Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\", opaque=\"" + opaque
                + "\", algorithm=" + algorithm + ("auth".equals(qop) ? ", qop=\"auth\"" : "");
        return TargetResponse.empty(401).withHeader("WWW-Authenticate", challenge);
    }

    private static boolean verify(Map<String, String> p, TargetRequest req, String user, String pass,
                                  String algorithm) {
        if (!user.equals(p.get("username")) || p.get("nonce") == null || p.get("response") == null) {
            return false;
        }
        String uri = p.getOrDefault("uri", "");
        String ha1 = hash(algorithm, user + ":" + REALM + ":" + pass);
        String ha2 = hash(algorithm, req.method() + ":" + uri);
        String expected = p.get("qop") == null
                ? hash(algorithm, ha1 + ":" + p.get("nonce") + ":" + ha2)
                : hash(algorithm, ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce")
                        + ":" + p.get("qop") + ":" + ha2);
        return expected.equals(p.get("response"));
    }

    /** Splits {@code a="x", b=y} into a map, unquoting values. */
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
                int end = s.indexOf('"', i + 1);
                end = end < 0 ? s.length() : end;
                value = s.substring(i + 1, end);
                i = end + 1;
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

    private static TargetResponse authenticated(String user) {
        return TargetResponse.json(Json.write(Map.of("authenticated", true, "user", user)));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    static String hash(String algorithm, String text) {
        String jca = algorithm.startsWith("SHA-256") ? "SHA-256" : "MD5";
        try {
            MessageDigest md = MessageDigest.getInstance(jca);
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
