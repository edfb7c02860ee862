package dev.weft.js.module.webcrypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC keys (generate, import raw) and signatures on the JCA's {@code HmacSHA*}. */
final class HmacKeys {
    private static final Set<String> USAGES = Set.of("sign", "verify");
    private final SecureRandom random;

    HmacKeys(SecureRandom random) {
        this.random = random;
    }

    CryptoKeyData generate(Params p, boolean extractable, List<String> usages) {
        String hash = hashOf(p);
        List<String> u = Algorithms.usages(usages, USAGES);
        Integer length = p.integer("length");
        int bits = length == null ? Algorithms.hashBlockBits(hash) : length;
        if (bits <= 0) {
            throw WebCryptoException.operation("algorithm's length cannot be 0");
        }
        byte[] key = new byte[(bits + 7) / 8];
        random.nextBytes(key);
        return CryptoKeyData.secret(KeyAlgorithm.hmac(hash, bits), extractable, u, key);
    }

    CryptoKeyData importRaw(Params p, byte[] raw, boolean extractable, List<String> usages) {
        String hash = hashOf(p);
        List<String> u = Algorithms.usages(usages, USAGES);
        if (raw.length == 0) {
            throw WebCryptoException.data("key length cannot be 0");
        }
        Integer length = p.integer("length");
        if (length != null && (length > raw.length * 8 || length <= raw.length * 8 - 8)) {
            throw WebCryptoException.data("key length cannot be different from the length of the imported data");
        }
        return CryptoKeyData.secret(KeyAlgorithm.hmac(hash, length == null ? raw.length * 8 : length), extractable,
                u, raw);
    }

    private static String hashOf(Params p) {
        String hash = p.string("hash");
        if (hash == null) {
            throw WebCryptoException.syntax("could not get hash from algorithm parameter");
        }
        return Algorithms.hash(hash);
    }

    static String jwkAlg(CryptoKeyData key) {
        return "HS" + key.algorithm().hash().substring(4);
    }

    byte[] sign(CryptoKeyData key, byte[] data) {
        try {
            String alg = "Hmac" + Algorithms.jcaHash(key.algorithm().hash());
            Mac mac = Mac.getInstance(alg);
            mac.init(new SecretKeySpec(key.secretBytes(), alg));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.operation("could not sign data: " + e.getMessage());
        }
    }

    boolean verify(CryptoKeyData key, byte[] signature, byte[] data) {
        return MessageDigest.isEqual(sign(key, data), signature);
    }
}
