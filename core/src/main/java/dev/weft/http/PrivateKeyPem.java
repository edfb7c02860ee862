package dev.weft.http;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the private key of one {@code tlsAuth} entry from PEM text, with JDK APIs only, decrypting
 * it when it is password-protected. Called by {@link ClientCertificates} once per entry while the
 * {@link HttpEngine} is built, on the thread that builds it; stateless.
 *
 * <p>Read: "PRIVATE KEY" (PKCS#8), "RSA PRIVATE KEY" (PKCS#1) and "EC PRIVATE KEY" (SEC1), each
 * plain or encrypted in OpenSSL's legacy PEM form ("Proc-Type: 4,ENCRYPTED" and "DEK-Info"
 * headers: the only form k6 decrypts, with Go's {@code x509.DecryptPEMBlock}); and "ENCRYPTED
 * PRIVATE KEY" (PKCS#8 PBES2, what OpenSSL 3 writes by default; k6 refuses it, Weft reads it).
 * Blocks before the key (such as "EC PARAMETERS") are skipped.
 *
 * <p>A password is used as k6 uses it: given (even "") it requires an encrypted key, and a
 * password given for a plain key is an error, as in k6.
 *
 * @see LegacyPemEncryption
 * @see Pkcs8Encryption
 */
final class PrivateKeyPem {
    static final String SUPPORTED_ENCRYPTION = "PKCS#8 PBES2 (PBKDF2 with AES-CBC), or legacy PEM "
            + "with AES-128-CBC, AES-192-CBC, AES-256-CBC, DES-EDE3-CBC or DES-CBC";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("([A-Za-z-]+):\\s*(.*)");

    /** One PEM block: its type, its RFC 1421 headers (legacy encryption) and its decoded body. */
    private record Block(String type, Map<String, String> headers, byte[] der) {
    }

    private PrivateKeyPem() {
    }

    /**
     * @param password the entry's password, or null when none was given
     * @throws IllegalArgumentException with a one-line message when the key cannot be read or
     *                                  decrypted; the caller adds which entry it was
     */
    static PrivateKey read(String pem, String password) {
        Block block = block(pem);
        if (block.type().equals("ENCRYPTED PRIVATE KEY")) {
            requirePassword(password);
            return parse("PRIVATE KEY", Pkcs8Encryption.decrypt(block.der(), password));
        }
        requireSupportedType(block.type());
        String dekInfo = block.headers().get("DEK-Info");
        if (dekInfo != null || block.headers().getOrDefault("Proc-Type", "").contains("ENCRYPTED")) {
            requirePassword(password);
            if (dekInfo == null) {
                throw new IllegalArgumentException("the key says it is encrypted but has no DEK-Info header");
            }
            byte[] plain = LegacyPemEncryption.decrypt(dekInfo, block.der(), password);
            try {
                return parse(block.type(), plain);
            } catch (IllegalArgumentException e) {
                // the padding happened to look right, but the bytes are not a key: the usual wrong-password case
                throw wrongPassword();
            }
        }
        if (password != null) {
            throw new IllegalArgumentException("a password is given but the key is not encrypted "
                    + "(no \"ENCRYPTED PRIVATE KEY\" block or DEK-Info header); remove the password");
        }
        return parse(block.type(), block.der());
    }

    static IllegalArgumentException wrongPassword() {
        return new IllegalArgumentException("wrong password for the key");
    }

    private static void requirePassword(String password) {
        if (password == null) {
            throw new IllegalArgumentException("the key is encrypted: give its password in \"password\"");
        }
    }

    /** Checked before decrypting, so that a key of another kind is not reported as a wrong password. */
    private static void requireSupportedType(String type) {
        if (!type.equals("PRIVATE KEY") && !type.equals("RSA PRIVATE KEY") && !type.equals("EC PRIVATE KEY")) {
            throw new IllegalArgumentException("unsupported key type \"" + type
                    + "\" (RSA or EC keys as PKCS#8, PKCS#1 or SEC1 PEM are read)");
        }
    }

    private static Block block(String pem) {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("key must be a PEM private key (\"PRIVATE KEY\", \"ENCRYPTED PRIVATE KEY\", "
                    + "\"RSA PRIVATE KEY\" or \"EC PRIVATE KEY\")");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        for (String line : m.group(2).split("\r?\n")) {
            Matcher h = HEADER.matcher(line.strip());
            if (h.matches()) {
                headers.put(h.group(1), h.group(2).strip());
            } else {
                body.append(line.strip());
            }
        }
        try {
            return new Block(m.group(1), headers, Base64.getDecoder().decode(body.toString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key is not valid PEM: " + e.getMessage());
        }
    }

    private static PrivateKey parse(String type, byte[] der) {
        byte[] pkcs8;
        String[] algorithms;
        switch (type) {
            case "PRIVATE KEY" -> {
                pkcs8 = der;
                algorithms = new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"};
            }
            case "RSA PRIVATE KEY" -> {
                pkcs8 = TraditionalKeys.rsaToPkcs8(der);
                algorithms = new String[] {"RSA"};
            }
            case "EC PRIVATE KEY" -> {
                pkcs8 = TraditionalKeys.ecToPkcs8(der);
                algorithms = new String[] {"EC"};
            }
            default -> throw new IllegalStateException("key type not checked: " + type);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        for (String alg : algorithms) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new IllegalArgumentException("cannot read the \"" + type + "\" key (RSA or EC expected)");
    }
}
