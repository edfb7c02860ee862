package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Password-protected keys made by the openssl CLI (see tlsauth/README.md beside the fixtures): each
 * decrypts to the key of its certificate, and each way of getting it wrong is a one-line error.
 */
class PrivateKeyPemTest {
    static final String PASSWORD = "weft-secret";

    static String fixture(String name) {
        try (InputStream in = PrivateKeyPemTest.class.getResourceAsStream("tlsauth/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate certificate(String name) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(fixture(name).getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key signs something the certificate's public key verifies: it is the certificate's key. */
    private static boolean belongsTo(PrivateKey key, X509Certificate cert) throws Exception {
        String alg = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] data = "weft".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(alg);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(alg);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }

    @ParameterizedTest(name = "{0} decrypts to the key of {1}")
    @CsvSource({
            "rsa-pkcs8-aes256.key,     rsa.crt, RSA",
            "rsa-legacy-aes256.key,    rsa.crt, RSA",
            "rsa-legacy-des3.key,      rsa.crt, RSA",
            "ec-pkcs8-aes256.key,      ec.crt,  EC",
            "ec-pkcs8-aes128-sha1.key, ec.crt,  EC",
            "ec-legacy-aes128.key,     ec.crt,  EC",
    })
    void encryptedKeysDecryptWithTheirPassword(String keyFile, String certFile, String algorithm) throws Exception {
        PrivateKey key = PrivateKeyPem.read(fixture(keyFile), PASSWORD);

        assertThat(key.getAlgorithm()).isEqualTo(algorithm);
        assertThat(belongsTo(key, certificate(certFile))).isTrue();
    }

    @Test
    void aPlainSec1EcKeyIsReadWithoutAPassword() throws Exception {
        PrivateKey key = PrivateKeyPem.read(fixture("ec-plain.key"), null);

        assertThat(belongsTo(key, certificate("ec.crt"))).isTrue();
    }

    @ParameterizedTest(name = "{0} with a wrong password")
    @CsvSource({"rsa-pkcs8-aes256.key", "rsa-legacy-aes256.key", "rsa-legacy-des3.key", "ec-pkcs8-aes256.key",
            "ec-pkcs8-aes128-sha1.key", "ec-legacy-aes128.key"})
    void aWrongPasswordIsSaidSo(String keyFile) {
        assertThatThrownBy(() -> PrivateKeyPem.read(fixture(keyFile), "not-" + PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("wrong password for the key");
    }

    @ParameterizedTest(name = "{0} without a password")
    @CsvSource({"rsa-pkcs8-aes256.key", "rsa-legacy-aes256.key", "ec-legacy-aes128.key"})
    void anEncryptedKeyWithoutAPasswordAsksForIt(String keyFile) {
        assertThatThrownBy(() -> PrivateKeyPem.read(fixture(keyFile), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key is encrypted: give its password in \"password\"");
    }

    @Test
    void aPasswordForAPlainKeyIsRefusedAsK6RefusesIt() {
        // k6: "x509: no DEK-Info header in block", also for an empty password
        for (String password : new String[] {PASSWORD, ""}) {
            assertThatThrownBy(() -> PrivateKeyPem.read(fixture("ec-plain.key"), password))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("a password is given but the key is not encrypted");
        }
    }

    @Test
    void scryptEncryptedPkcs8IsUnsupported() {
        assertThatThrownBy(() -> PrivateKeyPem.read(fixture("ec-pkcs8-scrypt.key"), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unsupported key encryption")
                .hasMessageContaining(PrivateKeyPem.SUPPORTED_ENCRYPTION)
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownLegacyCipherIsUnsupportedAndNamed() {
        String pem = fixture("ec-legacy-aes128.key").replace("DEK-Info: AES-128-CBC", "DEK-Info: CAMELLIA-128-CBC");

        assertThatThrownBy(() -> PrivateKeyPem.read(pem, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unsupported key encryption \"CAMELLIA-128-CBC\"");
    }

    @Test
    void anEncryptedKeyOfAnotherKindIsUnsupportedNotAWrongPassword() {
        String pem = fixture("ec-legacy-aes128.key").replace("EC PRIVATE KEY", "DSA PRIVATE KEY");

        assertThatThrownBy(() -> PrivateKeyPem.read(pem, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unsupported key type \"DSA PRIVATE KEY\"");
    }

    @Test
    void somethingThatIsNotAKeyIsSaidSo() {
        assertThatThrownBy(() -> PrivateKeyPem.read(fixture("ec.crt"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("key must be a PEM private key");
    }
}
