package dev.weft.js.module.webcrypto;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigInteger;
import java.util.Base64;

/** JSON Web Key members: base64url without padding, as RFC 7518 writes key numbers. */
final class Jwk {
    private Jwk() {
    }

    static JsonObject parse(String json) {
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw WebCryptoException.data("invalid keyData format for JWK format: not an object");
            }
            return e.getAsJsonObject();
        } catch (com.google.gson.JsonParseException e) {
            throw WebCryptoException.data("invalid keyData format for JWK format: " + e.getMessage());
        }
    }

    static String encode(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String encode(BigInteger n) {
        byte[] b = n.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = java.util.Arrays.copyOfRange(b, 1, b.length);
        }
        return encode(b);
    }

    /** A required member, decoded; DataError naming it when missing or not base64url. */
    static byte[] bytes(JsonObject jwk, String member) {
        JsonElement e = jwk.get(member);
        if (e == null || !e.isJsonPrimitive()) {
            throw WebCryptoException.data("JWK member \"" + member + "\" is missing");
        }
        try {
            return Base64.getUrlDecoder().decode(e.getAsString().replace("=", ""));
        } catch (IllegalArgumentException ex) {
            throw WebCryptoException.data("JWK member \"" + member + "\" is not base64url: " + ex.getMessage());
        }
    }

    static BigInteger number(JsonObject jwk, String member) {
        return new BigInteger(1, bytes(jwk, member));
    }

    static String string(JsonObject jwk, String member) {
        JsonElement e = jwk.get(member);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    /** Checks {@code kty}; a wrong one is a DataError. */
    static void requireType(JsonObject jwk, String kty) {
        if (!kty.equals(string(jwk, "kty"))) {
            throw WebCryptoException.data("invalid JWK: kty must be \"" + kty + "\", got \"" + string(jwk, "kty")
                    + "\"");
        }
    }
}
