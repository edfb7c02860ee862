package dev.weft.js.module.webcrypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CBC, AES-CTR and AES-GCM keys and ciphers on the JCA. CTR is done over AES/ECB so that
 * only the low {@code length} bits of the counter block count up, as WebCrypto specifies
 * (the JCA's CTR mode carries into the whole block). Stateless apart from the random source.
 */
final class AesKeys {
    private static final Set<String> USAGES = Set.of("encrypt", "decrypt", "wrapKey", "unwrapKey");
    private final SecureRandom random;

    AesKeys(SecureRandom random) {
        this.random = random;
    }

    CryptoKeyData generate(String name, Params p, boolean extractable, List<String> usages) {
        Integer length = p.integer("length");
        if (length == null) {
            throw WebCryptoException.syntax("could not get length from algorithm parameter");
        }
        List<String> u = Algorithms.usages(usages, USAGES);
        if (length != 128 && length != 192 && length != 256) {
            throw WebCryptoException.operation("invalid key length");
        }
        byte[] key = new byte[length / 8];
        random.nextBytes(key);
        return CryptoKeyData.secret(KeyAlgorithm.aes(name, length), extractable, u, key);
    }

    CryptoKeyData importRaw(String name, byte[] raw, boolean extractable, List<String> usages) {
        List<String> u = Algorithms.usages(usages, USAGES);
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw WebCryptoException.data("invalid key length " + raw.length + " bytes");
        }
        return CryptoKeyData.secret(KeyAlgorithm.aes(name, raw.length * 8), extractable, u, raw);
    }

    /** The JWK {@code alg} of an AES key: A256GCM, A128CBC, ... */
    static String jwkAlg(CryptoKeyData key) {
        return "A" + key.secretBytes().length * 8 + key.algorithm().name().substring(4);
    }

    byte[] encrypt(Params p, CryptoKeyData key, byte[] data) {
        return crypt(true, p, key, data);
    }

    byte[] decrypt(Params p, CryptoKeyData key, byte[] data) {
        return crypt(false, p, key, data);
    }

    private byte[] crypt(boolean encrypt, Params p, CryptoKeyData key, byte[] data) {
        SecretKeySpec spec = new SecretKeySpec(key.secretBytes(), "AES");
        return switch (key.algorithm().name()) {
            case Algorithms.AES_CBC -> cbc(encrypt, p, spec, data);
            case Algorithms.AES_CTR -> ctr(p, spec, data);
            case Algorithms.AES_GCM -> gcm(encrypt, p, spec, data);
            default -> throw WebCryptoException.notSupported("unsupported algorithm " + key.algorithm().name());
        };
    }

    private static byte[] cbc(boolean encrypt, Params p, SecretKeySpec key, byte[] data) {
        byte[] iv = p.bytes("iv");
        if (iv == null || iv.length != 16) {
            throw WebCryptoException.operation("iv length is not 16 bytes");
        }
        try {
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.operation(encrypt ? "could not encrypt data" : "invalid padding");
        }
    }

    private static byte[] ctr(Params p, SecretKeySpec key, byte[] data) {
        byte[] counter = p.bytes("counter");
        Integer length = p.integer("length");
        if (counter == null || counter.length != 16) {
            throw WebCryptoException.operation("counter length is not 16 bytes");
        }
        if (length == null || length < 1 || length > 128) {
            throw WebCryptoException.operation("invalid length, should be within 1 <= length <= 128 bounds");
        }
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, key);
            byte[] block = counter.clone();
            byte[] out = new byte[data.length];
            for (int off = 0; off < data.length; off += 16) {
                byte[] stream = ecb.doFinal(block);
                for (int i = 0; i < 16 && off + i < data.length; i++) {
                    out[off + i] = (byte) (data[off + i] ^ stream[i]);
                }
                increment(block, length);
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.operation("could not create cipher");
        }
    }

    /** Adds one to the low {@code bits} bits of the block, wrapping within them. */
    static void increment(byte[] block, int bits) {
        int remaining = bits;
        for (int i = block.length - 1; i >= 0 && remaining > 0; i--, remaining -= 8) {
            int mask = remaining >= 8 ? 0xff : (1 << remaining) - 1;
            int low = (block[i] & mask) + 1;
            block[i] = (byte) ((block[i] & ~mask) | (low & mask));
            if ((low & ~mask) == 0) {
                return;
            }
        }
    }

    private static byte[] gcm(boolean encrypt, Params p, SecretKeySpec key, byte[] data) {
        byte[] iv = p.bytes("iv");
        if (iv == null || iv.length == 0) {
            throw WebCryptoException.operation("iv is missing");
        }
        Integer tag = p.integer("tagLength");
        int tagBits = tag == null ? 128 : tag;
        if (tagBits != 96 && tagBits != 104 && tagBits != 112 && tagBits != 120 && tagBits != 128) {
            throw WebCryptoException.operation("invalid tag length, accepted values are 96, 104, 112, 120, 128");
        }
        if (!encrypt && data.length < tagBits / 8) {
            throw WebCryptoException.operation("ciphertext is too short");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key, new GCMParameterSpec(tagBits, iv));
            byte[] aad = p.bytes("additionalData");
            if (aad != null) {
                c.updateAAD(aad);
            }
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.operation(encrypt ? "could not encrypt data" : "could not decrypt ciphertext");
        }
    }
}
