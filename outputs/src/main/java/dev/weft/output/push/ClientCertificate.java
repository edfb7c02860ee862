package dev.weft.output.push;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a TLS client certificate (PEM chain) and its unencrypted PKCS#8 PEM key
 * ({@code -----BEGIN PRIVATE KEY-----}, RSA, EC or Ed25519) into a key store for {@link HttpPush}.
 * Called once when an output is created.
 */
public final class ClientCertificate {
    private static final Pattern KEY = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private ClientCertificate() {
    }

    /** @throws IllegalArgumentException naming the file that cannot be read */
    public static KeyStore load(String certFile, String keyFile) {
        try {
            List<? extends Certificate> chain;
            try (var in = new ByteArrayInputStream(Files.readAllBytes(Path.of(certFile)))) {
                chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("failed to load the TLS certificate: no certificate in " + certFile);
            }
            Matcher m = KEY.matcher(Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII));
            if (!m.find()) {
                throw new IllegalArgumentException("failed to load the TLS certificate: " + keyFile
                        + " has no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----)");
            }
            byte[] der = Base64.getMimeDecoder().decode(m.group(1));
            PrivateKey key = null;
            for (String alg : List.of("RSA", "EC", "Ed25519")) {
                try {
                    key = KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
                    break;
                } catch (GeneralSecurityException notThis) {
                    // try the next algorithm
                }
            }
            if (key == null) {
                throw new IllegalArgumentException("failed to load the TLS certificate: the key in " + keyFile
                        + " is not RSA, EC or Ed25519");
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", key, new char[0], chain.toArray(new Certificate[0]));
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("failed to load the TLS certificate " + certFile + ": "
                    + PeriodicPusher.message(e), e);
        }
    }
}
