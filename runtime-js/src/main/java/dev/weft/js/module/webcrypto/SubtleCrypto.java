package dev.weft.js.module.webcrypto;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;

/**
 * The operations of {@code crypto.subtle}, each checking its arguments as k6 does (algorithm
 * supported for the operation, key usages, algorithm matching the key) and then handing the
 * work to the algorithm family's class. One per test, shared by all VUs: it holds nothing but
 * a {@link SecureRandom}, which is thread-safe. Calls run on the calling VU's thread.
 */
public final class SubtleCrypto {
    private final SecureRandom random = new SecureRandom();
    private final AesKeys aes = new AesKeys(random);
    private final HmacKeys hmac = new HmacKeys(random);
    private final EcKeys ec = new EcKeys(random);
    private final RsaKeys rsa = new RsaKeys(random);

    public byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    public byte[] digest(String algorithm, byte[] data) {
        String name = Algorithms.normalize(algorithm, "digest");
        try {
            return MessageDigest.getInstance(name).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw WebCryptoException.notSupported("unsupported hash " + name);
        }
    }

    /** A {@link CryptoKeyData} for secret keys, a {@link KeyPairData} for asymmetric ones. */
    public Object generateKey(Params p, boolean extractable, List<String> usages) {
        String name = Algorithms.normalize(p.name(), "generateKey");
        Object key;
        if (Algorithms.isAes(name)) {
            key = aes.generate(name, p, extractable, usages);
        } else if (name.equals(Algorithms.HMAC)) {
            key = hmac.generate(p, extractable, usages);
        } else if (Algorithms.isEc(name)) {
            key = ec.generate(name, p, extractable, usages);
        } else if (Algorithms.isRsa(name)) {
            key = rsa.generate(name, p, extractable, usages);
        } else {
            throw new WebCryptoException("NotImplemented", "unsupported key generation algorithm '" + name + "'");
        }
        if (key instanceof CryptoKeyData k && k.usages().isEmpty()) {
            throw WebCryptoException.syntax("usages cannot not be empty for a secret or private CryptoKey");
        }
        return key;
    }

    /** {@code raw} holds the bytes of raw/spki/pkcs8 data, {@code jwkJson} the JSON text of a JWK. */
    public CryptoKeyData importKey(String format, byte[] raw, String jwkJson, Params p, boolean extractable,
            List<String> usages) {
        String name = Algorithms.normalize(p.name(), "importKey");
        if (!List.of("raw", "spki", "pkcs8", "jwk").contains(format)) {
            throw new WebCryptoException("ImplementationError", "unsupported format " + format);
        }
        CryptoKeyData key;
        if (Algorithms.isAes(name) || name.equals(Algorithms.HMAC)) {
            byte[] bytes = switch (format) {
                case "raw" -> raw;
                case "jwk" -> secretFromJwk(jwkJson);
                default -> throw WebCryptoException.notSupported("unsupported key format " + format);
            };
            key = Algorithms.isAes(name) ? aes.importRaw(name, bytes, extractable, usages)
                    : hmac.importRaw(p, bytes, extractable, usages);
        } else if (Algorithms.isEc(name)) {
            key = ec.importKey(format, name, p, raw, jwkJson, extractable, usages);
        } else {
            key = rsa.importKey(format, name, p, raw, jwkJson, extractable, usages);
        }
        if (!key.isPublic() && key.usages().isEmpty()) {
            throw WebCryptoException.syntax("usages cannot not be empty for a secret or private CryptoKey");
        }
        return key;
    }

    private static byte[] secretFromJwk(String json) {
        JsonObject jwk = Jwk.parse(json);
        Jwk.requireType(jwk, "oct");
        return Jwk.bytes(jwk, "k");
    }

    /** The bytes of raw/spki/pkcs8, or a JWK as JSON text. */
    public Object exportKey(String format, CryptoKeyData key) {
        String name = key.algorithm().name();
        if (!key.extractable()) {
            throw WebCryptoException.invalidAccess("the key is not extractable");
        }
        Object out;
        if (Algorithms.isAes(name) || name.equals(Algorithms.HMAC)) {
            out = switch (format) {
                case "raw" -> key.secretBytes();
                case "jwk" -> secretJwk(key);
                default -> throw WebCryptoException.notSupported("unsupported key format " + format);
            };
        } else if (Algorithms.isEc(name)) {
            out = EcKeys.export(format, key);
        } else {
            out = RsaKeys.export(format, key);
        }
        return out instanceof JsonObject o ? o.toString() : out;
    }

    private static JsonObject secretJwk(CryptoKeyData key) {
        JsonObject o = new JsonObject();
        o.addProperty("k", Jwk.encode(key.secretBytes()));
        o.addProperty("kty", "oct");
        o.addProperty("ext", key.extractable());
        JsonArray ops = new JsonArray();
        key.usages().forEach(ops::add);
        o.add("key_ops", ops);
        o.addProperty("alg", key.algorithm().name().equals(Algorithms.HMAC) ? HmacKeys.jwkAlg(key)
                : AesKeys.jwkAlg(key));
        return o;
    }

    public byte[] encrypt(Params p, CryptoKeyData key, byte[] data) {
        String name = checked(p, "encrypt", key, "encrypt's ");
        return name.equals(Algorithms.RSA_OAEP) ? rsa.encrypt(p, key, data) : aes.encrypt(p, key, data);
    }

    public byte[] decrypt(Params p, CryptoKeyData key, byte[] data) {
        String name = checked(p, "decrypt", key, "decrypt's ");
        return name.equals(Algorithms.RSA_OAEP) ? rsa.decrypt(p, key, data) : aes.decrypt(p, key, data);
    }

    public byte[] sign(Params p, CryptoKeyData key, byte[] data) {
        String name = checked(p, "sign", key, "");
        return switch (name) {
            case Algorithms.HMAC -> hmac.sign(key, data);
            case Algorithms.ECDSA -> ec.sign(hashOf(p), key, data);
            default -> rsa.sign(p, key, data);
        };
    }

    public boolean verify(Params p, CryptoKeyData key, byte[] signature, byte[] data) {
        String name = checked(p, "verify", key, "");
        return switch (name) {
            case Algorithms.HMAC -> hmac.verify(key, signature, data);
            case Algorithms.ECDSA -> ec.verify(hashOf(p), key, signature, data);
            default -> rsa.verify(p, key, signature, data);
        };
    }

    public byte[] deriveBits(Params p, CryptoKeyData baseKey, Integer length) {
        Algorithms.normalize(p.name(), "deriveBits");
        return derive(p, baseKey, length, "deriveBits");
    }

    /** ECDH bits made into a secret key of {@code derived}'s algorithm (AES or HMAC). */
    public CryptoKeyData deriveKey(Params p, CryptoKeyData baseKey, Params derived, boolean extractable,
            List<String> usages) {
        Algorithms.normalize(p.name(), "deriveKey");
        String name = Algorithms.normalize(derived.name(), "importKey");
        Integer length = derived.integer("length");
        if (name.equals(Algorithms.HMAC) && length == null) {
            length = Algorithms.hashBlockBits(Algorithms.hash(derived.string("hash")));
        }
        if (length == null || !(Algorithms.isAes(name) || name.equals(Algorithms.HMAC))) {
            throw WebCryptoException.notSupported("deriveKey makes AES or HMAC keys of a given length");
        }
        byte[] bits = derive(p, baseKey, length, "deriveKey");
        return importKey("raw", bits, null, derived, extractable, usages);
    }

    private static byte[] derive(Params p, CryptoKeyData baseKey, Integer length, String usage) {
        if (!baseKey.isPrivate()) {
            throw WebCryptoException.invalidAccess("provided baseKey is not a private key");
        }
        if (!baseKey.can(usage)) {
            throw WebCryptoException.invalidAccess("provided baseKey does not contain the '" + usage + "' usage");
        }
        CryptoKeyData pub = p.key("public");
        if (pub == null) {
            throw new WebCryptoException("TypeError", "algorithm does not contain a public key");
        }
        if (!pub.isPublic()) {
            throw WebCryptoException.invalidAccess("algorithm's public key is not a public key");
        }
        if (!pub.algorithm().name().equals(baseKey.algorithm().name())) {
            throw WebCryptoException.invalidAccess("algorithm's public key is not an ECDH key");
        }
        return EcKeys.deriveBits(baseKey, pub, length);
    }

    private static String hashOf(Params p) {
        String hash = p.string("hash");
        if (hash == null) {
            throw WebCryptoException.syntax("could not get hash from algorithm parameter");
        }
        return Algorithms.hash(hash);
    }

    private static String checked(Params p, String op, CryptoKeyData key, String prefix) {
        String name = Algorithms.normalize(p.name(), op);
        if (!name.equals(key.algorithm().name())) {
            throw WebCryptoException.invalidAccess(prefix + "algorithm name does not match key algorithm name");
        }
        if (!key.can(op)) {
            throw WebCryptoException.invalidAccess(prefix + "key does not contain the '" + op + "' usage");
        }
        return name;
    }
}
