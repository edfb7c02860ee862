package dev.weft.http;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * k6's {@code tlsAuth} as a JDK key manager: each client certificate is offered to servers whose
 * host name (the SNI/peer host of the handshake) is one of its domains; other servers get no
 * certificate. PEM parsing happens once, at construction, with JDK APIs only. Thread-safe
 * (immutable): the TLS stack calls it from whichever thread runs a handshake.
 */
final class ClientCertificates extends X509ExtendedKeyManager {
    private record Entry(String alias, List<String> domains, X509Certificate[] chain, PrivateKey key) {
    }

    private final List<Entry> entries;

    /** @throws IllegalArgumentException when a certificate or key cannot be read */
    ClientCertificates(List<TlsAuth> auth) {
        List<Entry> list = new ArrayList<>();
        for (int i = 0; i < auth.size(); i++) {
            TlsAuth a = auth.get(i);
            List<String> domains = a.domains().stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
            list.add(new Entry("tlsAuth-" + i, domains, chain(a.certPem(), i), key(a.keyPem(), i)));
        }
        this.entries = List.copyOf(list);
    }

    private static X509Certificate[] chain(String pem, int index) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("tlsAuth[" + index + "]: no certificate in cert");
            }
            return certs.toArray(X509Certificate[]::new);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tlsAuth[" + index + "]: cannot read cert: " + e.getMessage(), e);
        }
    }

    private static PrivateKey key(String pem, int index) {
        String type = pem.contains("BEGIN RSA PRIVATE KEY") ? "RSA1"
                : pem.contains("BEGIN PRIVATE KEY") ? "PKCS8" : null;
        if (type == null) {
            throw new IllegalArgumentException("tlsAuth[" + index + "]: key must be a PEM \"PRIVATE KEY\" (PKCS#8) "
                    + "or \"RSA PRIVATE KEY\"; encrypted and SEC1 EC keys are not supported");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(type.equals("RSA1") ? pkcs1ToPkcs8(der) : der);
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new IllegalArgumentException("tlsAuth[" + index + "]: cannot read key (RSA or EC PKCS#8 expected)");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, NULL). */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
                (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[algorithm.length + octets.length];
        System.arraycopy(algorithm, 0, body, 0, algorithm.length);
        System.arraycopy(octets, 0, body, algorithm.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] len = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        byte[] out = new byte[1 + len.length + n];
        out[0] = (byte) tag;
        System.arraycopy(len, 0, out, 1, len.length);
        System.arraycopy(content, 0, out, 1 + len.length, n);
        return out;
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
