package dev.weft.http;

import java.util.List;
import java.util.Objects;

/**
 * One entry of k6's {@code tlsAuth} option: a client certificate chain and its private key, both
 * PEM, presented to servers whose name is one of {@code domains}. Immutable; parsed into key
 * material once, when the {@link HttpEngine} is built (see {@link PrivateKeyPem} for the key forms
 * read and how a password is used).
 *
 * @param domains  host names the certificate is for; "*.example.com" or ".example.com" also match
 *                 subdomains
 * @param certPem  the certificate chain, leaf first ("-----BEGIN CERTIFICATE-----" blocks)
 * @param keyPem   the private key: PKCS#8 ("BEGIN PRIVATE KEY"), PKCS#1 ("BEGIN RSA PRIVATE KEY") or
 *                 SEC1 ("BEGIN EC PRIVATE KEY"), plain or password-protected
 * @param password k6's {@code password}: decrypts the key; null when none was given. As in k6, any
 *                 given password (even "") requires an encrypted key
 */
public record TlsAuth(List<String> domains, String certPem, String keyPem, String password) {
    public TlsAuth {
        domains = List.copyOf(domains);
        Objects.requireNonNull(certPem, "cert");
        Objects.requireNonNull(keyPem, "key");
    }

    /** An entry whose key is not password-protected. */
    public TlsAuth(List<String> domains, String certPem, String keyPem) {
        this(domains, certPem, keyPem, null);
    }

    /** Names the domains only: the key and its password stay out of logs and error messages. */
    @Override
    public String toString() {
        return "TlsAuth[domains=" + domains + (password == null ? "" : ", password=***") + "]";
    }
}
