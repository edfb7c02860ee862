package dev.weft.http;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Decrypts a PKCS#8 EncryptedPrivateKeyInfo ("ENCRYPTED PRIVATE KEY"), as {@code openssl pkcs8
 * -topk8 -v2 aes-256-cbc} and {@code openssl genpkey -aes256} write it: PBES2 with PBKDF2
 * (HMAC-SHA1 or HMAC-SHA2) and AES-CBC, or the PBES1 schemes the JDK knows. The JDK does the work
 * (its PBES2 cipher derives the key from the salt and iteration count in the parameters); scrypt
 * and PBES2 with DES are not in the JDK, so they are refused as unsupported. Called by
 * {@link PrivateKeyPem}; stateless.
 */
final class Pkcs8Encryption {
    private Pkcs8Encryption() {
    }

    /**
     * @return the decrypted PKCS#8 PrivateKeyInfo
     * @throws IllegalArgumentException for an unsupported scheme, damaged data, or a wrong
     *                                  password (see {@link PrivateKeyPem#wrongPassword})
     */
    static byte[] decrypt(byte[] der, String password) {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw unsupported(e.getMessage());
        }
        String algorithm = info.getAlgName();
        Cipher cipher;
        SecretKey key;
        try {
            key = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray()));
            cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, key, info.getAlgParameters());
        } catch (NoSuchAlgorithmException e) {
            throw unsupported(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot decrypt the key with " + algorithm + ": " + e.getMessage());
        }
        try {
            return info.getKeySpec(cipher).getEncoded();
        } catch (InvalidKeySpecException e) {
            // the JDK reports a bad padding or undecodable result this way: a wrong password
            throw PrivateKeyPem.wrongPassword();
        }
    }

    private static IllegalArgumentException unsupported(String what) {
        return new IllegalArgumentException("unsupported key encryption (" + what + "; supported: "
                + PrivateKeyPem.SUPPORTED_ENCRYPTION + ")");
    }
}
