package dev.weft.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {
    @TempDir
    Path dir;

    private static PrivateKey read(String pkcs8Pem) throws Exception {
        String body = pkcs8Pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    /** openssl's legacy ("traditional") PEM encryption of {@code key}, as k6's password param expects. */
    private String encrypted(String key, String cipher) throws Exception {
        Path in = dir.resolve("key.pem");
        Files.writeString(in, key);
        Process p = new ProcessBuilder("openssl", "rsa", "-in", in.toString(), "-" + cipher, "-traditional",
                "-passout", "pass:s3cret").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl is needed to make the test key");
        return out;
    }

    @Test
    void decryptsLegacyEncryptedRsaKeysAsK6DoesWithPassword() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is needed to make the test key");
        TestCertificate cert = TestCertificate.create();
        for (String cipher : new String[] {"aes256", "aes128", "des3"}) {
            String pem = encrypted(cert.keyPem(), cipher);
            assertThat(pem).contains("Proc-Type: 4,ENCRYPTED");

            String plain = PemKeys.decrypt(pem, "s3cret");

            assertThat(read(plain)).as(cipher).isEqualTo(read(cert.keyPem()));
        }
    }

    @Test
    void anEncryptedPkcs8KeyIsRefusedWithK6sMessage() {
        assertThatThrownBy(() -> PemKeys.decrypt("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"
                + "-----END ENCRYPTED PRIVATE KEY-----\n", "x"))
                .hasMessage("encrypted pkcs8 formatted key is not supported");
    }
}
