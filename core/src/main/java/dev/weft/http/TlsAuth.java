package dev.weft.http;

import java.util.List;
import java.util.Objects;

/**
 * One entry of k6's {@code tlsAuth} option: a client certificate chain and its private key, both
 * PEM, presented to servers whose name is one of {@code domains}. Immutable; parsed into key
 * material once, when the {@link HttpEngine} is built.
 *
 * @param domains host names the certificate is for; "*.example.com" or ".example.com" also match
 *                subdomains
 * @param certPem the certificate chain, leaf first ("-----BEGIN CERTIFICATE-----" blocks)
 * @param keyPem  the private key: PKCS#8 ("BEGIN PRIVATE KEY", RSA or EC) or PKCS#1 ("BEGIN RSA
 *                PRIVATE KEY")
 */
public record TlsAuth(List<String> domains, String certPem, String keyPem) {
    public TlsAuth {
        domains = List.copyOf(domains);
        Objects.requireNonNull(certPem, "cert");
        Objects.requireNonNull(keyPem, "key");
    }
}
