package dev.weft.grpc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Private keys in PEM as the {@code tls} param gives them: decrypts the legacy OpenSSL encryption
 * ({@code Proc-Type: 4,ENCRYPTED} with {@code DEK-Info}) that k6 accepts with {@code password}, and
 * re-wraps a PKCS#1 RSA key as PKCS#8, the form grpc-java reads.
 */
final class PemKeys {
    private PemKeys() {
    }

    static String decrypt(String pem, String password) throws GeneralSecurityException {
        String type = type(pem);
        if (type.equals("ENCRYPTED PRIVATE KEY")) {
            throw new GeneralSecurityException("encrypted pkcs8 formatted key is not supported");
        }
        String dekInfo = null;
        StringBuilder body = new StringBuilder();
        for (String line : pem.split("\r?\n")) {
            if (line.startsWith("DEK-Info:")) {
                dekInfo = line.substring("DEK-Info:".length()).trim();
            } else if (!line.startsWith("-----") && !line.contains(":") && !line.isBlank()) {
                body.append(line.trim());
            }
        }
        byte[] der = Base64.getDecoder().decode(body.toString());
        if (dekInfo != null) {
            String[] parts = dekInfo.split(",");
            byte[] iv = HexFormat.of().parseHex(parts[1].trim());
            String algo = parts[0].trim().toUpperCase(Locale.ROOT);
            int keyLen = switch (algo) {
                case "AES-128-CBC" -> 16;
                case "AES-192-CBC", "DES-EDE3-CBC" -> 24;
                case "AES-256-CBC" -> 32;
                case "DES-CBC" -> 8;
                default -> throw new GeneralSecurityException("unknown PEM cipher " + algo);
            };
            String jce = algo.startsWith("AES") ? "AES" : algo.equals("DES-CBC") ? "DES" : "DESede";
            byte[] key = bytesToKey(password.getBytes(StandardCharsets.UTF_8), iv, keyLen);
            Cipher c = Cipher.getInstance(jce + "/CBC/PKCS5Padding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, jce), new IvParameterSpec(iv));
            der = c.doFinal(der);
        }
        if (type.equals("RSA PRIVATE KEY")) {
            return pem("PRIVATE KEY", pkcs8Rsa(der));
        }
        return pem(type, der);
    }

    private static String type(String pem) {
        int start = pem.indexOf("-----BEGIN ");
        int end = pem.indexOf("-----", start + 11);
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("failed to decode PEM key");
        }
        return pem.substring(start + 11, end);
    }

    /** OpenSSL's EVP_BytesToKey with MD5, one round, the IV's first 8 bytes as salt. */
    private static byte[] bytesToKey(byte[] password, byte[] iv, int len) throws GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] prev = new byte[0];
        while (out.size() < len) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(prev);
            md5.update(password);
            md5.update(iv, 0, 8);
            prev = md5.digest();
            out.writeBytes(prev);
        }
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, len);
    }

    private static byte[] pkcs8Rsa(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
                0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        ByteArrayOutputStream seq = new ByteArrayOutputStream();
        seq.writeBytes(version);
        seq.writeBytes(algorithm);
        seq.writeBytes(octets);
        return der(0x30, seq.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 128) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
