package dev.weft.http;

import dev.weft.options.OptionsException;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * k6's {@code tlsAuth} as a JDK key manager: each client certificate is offered to servers whose
 * host name (the SNI/peer host of the handshake) is one of its domains; other servers get no
 * certificate. PEM parsing (and decrypting password-protected keys, see {@link PrivateKeyPem})
 * happens once, at construction, with JDK APIs only. Thread-safe (immutable): the TLS stack calls
 * it from whichever thread runs a handshake.
 */
final class ClientCertificates extends X509ExtendedKeyManager {
    private record Entry(String alias, List<String> domains, X509Certificate[] chain, PrivateKey key) {
    }

    private final List<Entry> entries;

    /**
     * @throws OptionsException when a certificate or key cannot be read or decrypted: like k6, a
     *                          test with a bad tlsAuth entry is refused before it starts
     */
    ClientCertificates(List<TlsAuth> auth) {
        List<Entry> list = new ArrayList<>();
        for (int i = 0; i < auth.size(); i++) {
            TlsAuth a = auth.get(i);
            List<String> domains = a.domains().stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
            String name = entryName(i, a);
            X509Certificate[] chain = chain(a.certPem(), name);
            PrivateKey key;
            try {
                key = PrivateKeyPem.read(a.keyPem(), a.password());
            } catch (IllegalArgumentException e) {
                throw new OptionsException(name + ": " + e.getMessage());
            }
            list.add(new Entry("tlsAuth-" + i, domains, chain, key));
        }
        this.entries = List.copyOf(list);
    }

    /** How errors name an entry: its place in the list and its domains, as the script wrote them. */
    private static String entryName(int index, TlsAuth a) {
        return "option \"tlsAuth\" entry " + index + " (domains: "
                + (a.domains().isEmpty() ? "none" : String.join(", ", a.domains())) + ")";
    }

    private static X509Certificate[] chain(String pem, String name) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new OptionsException(name + ": no certificate in cert");
            }
            return certs.toArray(X509Certificate[]::new);
        } catch (GeneralSecurityException e) {
            throw new OptionsException(name + ": cannot read cert: " + e.getMessage());
        }
    }

    private String aliasFor(String host, String[] keyTypes) {
        if (host == null) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (Entry e : entries) {
            if (matches(e.domains, h) && fitsKeyType(e.key, keyTypes)) {
                return e.alias;
            }
        }
        return null;
    }

    private static boolean matches(List<String> domains, String host) {
        for (String d : domains) {
            if (d.equals(host)) {
                return true;
            }
            String suffix = d.startsWith("*.") ? d.substring(1) : d.startsWith(".") ? d : null;
            if (suffix != null && host.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fitsKeyType(PrivateKey key, String[] keyTypes) {
        if (keyTypes == null) {
            return true;
        }
        for (String t : keyTypes) {
            if (t.equalsIgnoreCase(key.getAlgorithm())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        String host = socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null
                ? ssl.getHandshakeSession().getPeerHost() : null;
        return aliasFor(host, keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return aliasFor(engine == null ? null : engine.getPeerHost(), keyTypes);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        for (Entry e : entries) {
            if (e.alias.equals(alias)) {
                return e.chain.clone();
            }
        }
        return null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        for (Entry e : entries) {
            if (e.alias.equals(alias)) {
                return e.key;
            }
        }
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return entries.stream().map(Entry::alias).toArray(String[]::new);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }
}
