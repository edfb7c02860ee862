package dev.weft.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts a PEM key body encrypted in OpenSSL's legacy form ("Proc-Type: 4,ENCRYPTED",
 * "DEK-Info: CIPHER,IV-HEX"), as {@code openssl rsa -aes256} or {@code openssl ec -aes128} write
 * it and as k6 reads it. The key is OpenSSL's {@code EVP_BytesToKey} with MD5, one round, and the
 * first 8 bytes of the IV as salt; the body is CBC with PKCS#7 padding. Called by
 * {@link PrivateKeyPem}; stateless.
 */
final class LegacyPemEncryption {
    /** A DEK-Info cipher: JDK algorithm, key length and IV (block) length in bytes. */
    private record Dek(String jdkAlgorithm, int keyLength, int ivLength) {
        static Dek named(String name) {
            return switch (name.toUpperCase(Locale.ROOT)) {
                case "AES-128-CBC" -> new Dek("AES", 16, 16);
                case "AES-192-CBC" -> new Dek("AES", 24, 16);
                case "AES-256-CBC" -> new Dek("AES", 32, 16);
                case "DES-EDE3-CBC" -> new Dek("DESede", 24, 8);
                case "DES-CBC" -> new Dek("DES", 8, 8);
                default -> null;
            };
        }
    }

    private LegacyPemEncryption() {
    }

    /**
     * @param dekInfo the DEK-Info header's value, such as "AES-256-CBC,0A1B..."
     * @throws IllegalArgumentException for an unsupported cipher, a malformed header, or a wrong
     *                                  password (see {@link PrivateKeyPem#wrongPassword})
     */
    static byte[] decrypt(String dekInfo, byte[] encrypted, String password) {
        int comma = dekInfo.indexOf(',');
        String name = (comma < 0 ? dekInfo : dekInfo.substring(0, comma)).strip();
        Dek dek = Dek.named(name);
        if (dek == null) {
            throw new IllegalArgumentException("unsupported key encryption \"" + name + "\" (supported: "
                    + PrivateKeyPem.SUPPORTED_ENCRYPTION + ")");
        }
        byte[] iv;
        try {
            iv = HexFormat.of().parseHex(comma < 0 ? "" : dekInfo.substring(comma + 1).strip());
        } catch (IllegalArgumentException e) {
            iv = new byte[0];
        }
        if (iv.length != dek.ivLength()) {
            throw new IllegalArgumentException("the key's DEK-Info header needs a " + dek.ivLength()
                    + "-byte hex IV after \"" + name + ",\"");
        }
        byte[] key = bytesToKey(password.getBytes(StandardCharsets.UTF_8), iv, dek.keyLength());
        try {
            Cipher cipher = Cipher.getInstance(dek.jdkAlgorithm() + "/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, dek.jdkAlgorithm()), new IvParameterSpec(iv));
            return cipher.doFinal(encrypted);
        } catch (BadPaddingException e) {
            throw PrivateKeyPem.wrongPassword();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot decrypt the key with " + name + ": " + e.getMessage());
        }
    }

    /** OpenSSL's EVP_BytesToKey(MD5, salt = first 8 IV bytes, count 1): D_i = MD5(D_i-1 || password || salt). */
    private static byte[] bytesToKey(byte[] password, byte[] iv, int length) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
        byte[] key = new byte[length];
        byte[] previous = new byte[0];
        for (int filled = 0; filled < length; filled += previous.length) {
            md5.update(previous);
            md5.update(password);
            md5.update(iv, 0, 8);
            previous = md5.digest();
            System.arraycopy(previous, 0, key, filled, Math.min(previous.length, length - filled));
        }
        return key;
    }
}
