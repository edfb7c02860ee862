package dev.weft.js.module.webcrypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * WebCrypto's algorithm names, how a script's spelling is normalised (case-insensitive, as k6
 * does) and which operations each supports. Stateless.
 */
final class Algorithms {
    static final String AES_CBC = "AES-CBC";
    static final String AES_CTR = "AES-CTR";
    static final String AES_GCM = "AES-GCM";
    static final String AES_KW = "AES-KW";
    static final String HMAC = "HMAC";
    static final String ECDSA = "ECDSA";
    static final String ECDH = "ECDH";
    static final String RSASSA_PKCS1_V1_5 = "RSASSA-PKCS1-v1_5";
    static final String RSA_PSS = "RSA-PSS";
    static final String RSA_OAEP = "RSA-OAEP";

    private static final Set<String> HASHES = Set.of("SHA-1", "SHA-256", "SHA-384", "SHA-512");
    private static final Set<String> AES = Set.of(AES_CBC, AES_CTR, AES_GCM, AES_KW);
    private static final Set<String> RSA = Set.of(RSASSA_PKCS1_V1_5, RSA_PSS, RSA_OAEP);
    private static final Set<String> EC = Set.of(ECDSA, ECDH);

    private Algorithms() {
    }

    /** The canonical spelling of {@code name}, or a NotSupportedError if {@code op} can't use it. */
    static String normalize(String name, String op) {
        String upper = name == null ? "" : name.toUpperCase(Locale.ROOT);
        String n = upper.equals(RSASSA_PKCS1_V1_5.toUpperCase(Locale.ROOT)) ? RSASSA_PKCS1_V1_5 : upper;
        boolean ok = switch (op) {
            case "digest" -> HASHES.contains(n);
            case "generateKey" -> AES.contains(n) || HASHES.contains(n) || n.equals(HMAC) || EC.contains(n)
                    || RSA.contains(n);
            case "importKey", "exportKey" -> AES.contains(n) || n.equals(HMAC) || EC.contains(n) || RSA.contains(n);
            case "encrypt", "decrypt" -> AES.contains(n) || n.equals(RSA_OAEP);
            case "sign", "verify" -> n.equals(HMAC) || n.equals(ECDSA) || n.equals(RSA_PSS)
                    || n.equals(RSASSA_PKCS1_V1_5);
            case "deriveBits", "deriveKey" -> n.equals(ECDH);
            default -> false;
        };
        if (!ok) {
            throw WebCryptoException.notSupported(
                    "algorithm \"" + n + "\" doesn't support (in implementation) operation \"" + op + "\"");
        }
        return n;
    }

    /** A hash name (SHA-1, SHA-256, SHA-384, SHA-512) in canonical spelling, or a NotSupportedError. */
    static String hash(String name) {
        String n = name == null ? "" : name.toUpperCase(Locale.ROOT);
        if (!HASHES.contains(n)) {
            throw WebCryptoException.notSupported("unsupported hash algorithm \"" + name + "\"");
        }
        return n;
    }

    static boolean isAes(String name) {
        return AES.contains(name);
    }

    static boolean isRsa(String name) {
        return RSA.contains(name);
    }

    static boolean isEc(String name) {
        return EC.contains(name);
    }

    /** HMAC's default key length in bits: the hash's block size. */
    static int hashBlockBits(String hash) {
        return hash.equals("SHA-384") || hash.equals("SHA-512") ? 1024 : 512;
    }

    /** The JCA name of a WebCrypto hash: SHA-256 -> SHA256 (for Mac and Signature names). */
    static String jcaHash(String hash) {
        return hash.replace("-", "");
    }

    /** The usages of {@code requested} that a key of {@code type} may have; SyntaxError for any foreign one. */
    static List<String> usages(List<String> requested, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        for (String u : requested) {
            if (!allowed.contains(u)) {
                throw WebCryptoException.syntax("invalid key usage: " + u);
            }
            if (!out.contains(u)) {
                out.add(u);
            }
        }
        return out;
    }

    /** The usages in {@code requested} that are also in {@code fitting}, in request order. */
    static List<String> intersect(List<String> requested, Set<String> fitting) {
        List<String> out = new ArrayList<>();
        for (String u : requested) {
            if (fitting.contains(u) && !out.contains(u)) {
                out.add(u);
            }
        }
        return out;
    }
}
