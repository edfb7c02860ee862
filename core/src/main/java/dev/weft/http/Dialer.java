package dev.weft.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens new connections: resolve, TCP connect, and for https a TLS handshake with SNI, the
 * configured versions and suites, and (unless insecure) certificate and host name checks. Stamps
 * the connect and TLS phases on the request's {@link Trace}. Thread-safe and shared: it holds only
 * immutable settings; each call works on its own socket.
 */
final class Dialer {
    private final HostResolver resolver;
    private final SSLSocketFactory tls;
    private final boolean insecure;
    private final String[] protocols;
    private final String[] cipherSuites;
    private final int dialTimeoutMillis;

    Dialer(HttpClientConfig config, SSLSocketFactory tls) {
        this.resolver = new HostResolver(config.hosts());
        this.tls = tls;
        this.insecure = config.insecureSkipTlsVerify();
        this.protocols = protocols(config.tlsMinVersion(), config.tlsMaxVersion());
        this.cipherSuites = config.tlsCipherSuites().isEmpty() ? null
                : config.tlsCipherSuites().toArray(String[]::new);
        this.dialTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.dialTimeout().toMillis());
    }

    private static String[] protocols(TlsVersion min, TlsVersion max) {
        if (min == null && max == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (TlsVersion v : TlsVersion.values()) {
            if ((min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0)) {
                out.add(v.jdkName());
            }
        }
        return out.toArray(String[]::new);
    }

    Connection connect(HttpUrl url, Trace trace, long deadline) throws HttpFailure {
        InetSocketAddress address = resolver.resolve(url.host(), url.port());
        MeteredSocket raw = new MeteredSocket();
        ErrorClassifier.Stage stage = ErrorClassifier.Stage.DIAL;
        try {
            raw.setTcpNoDelay(true);
            long remainingMs = remainingMillis(deadline);
            boolean deadlineBinds = remainingMs < dialTimeoutMillis;
            trace.connectStart = System.nanoTime();
            try {
                raw.connect(address, (int) Math.min(remainingMs, dialTimeoutMillis));
            } catch (java.net.SocketTimeoutException e) {
                throw deadlineBinds
                        ? new HttpFailure(HttpErrorCodes.REQUEST_TIMEOUT, "request timeout", e)
                        : new HttpFailure(HttpErrorCodes.TCP_DIAL_TIMEOUT, "dial: i/o timeout", e);
            }
            trace.connectDone = System.nanoTime();
            String ip = address.getAddress().getHostAddress();
            if (!url.isHttps()) {
                return new Connection(url.origin(), raw, raw, ip, address.getPort(), "", "");
            }
            stage = ErrorClassifier.Stage.TLS;
            trace.tlsStart = System.nanoTime();
            SSLSocket ssl = (SSLSocket) tls.createSocket(raw, url.host(), url.port(), true);
            ssl.setSSLParameters(parameters(ssl, url.host()));
            ssl.setSoTimeout((int) Math.max(1, remainingMillis(deadline)));
            ssl.startHandshake();
            trace.tlsDone = System.nanoTime();
            SSLSession session = ssl.getSession();
            return new Connection(url.origin(), raw, ssl, ip, address.getPort(),
                    TlsVersion.k6NameOfJdk(session.getProtocol()), session.getCipherSuite());
        } catch (IOException e) {
            closeQuietly(raw);
            throw ErrorClassifier.classify(e, stage, System.nanoTime() - deadline >= 0);
        }
    }

    private SSLParameters parameters(SSLSocket ssl, String host) {
        SSLParameters p = ssl.getSSLParameters();
        if (!isIpLiteral(host)) {
            try {
                p.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException e) {
                // not a valid DNS name for SNI (e.g. has '_'): connect without SNI as Go does
            }
        }
        p.setEndpointIdentificationAlgorithm(insecure ? null : "HTTPS");
        if (protocols != null) {
            p.setProtocols(protocols);
        }
        if (cipherSuites != null) {
            p.setCipherSuites(cipherSuites);
        }
        p.setApplicationProtocols(new String[] {"http/1.1"});
        return p;
    }

    static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static long remainingMillis(long deadline) throws HttpFailure {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new HttpFailure(HttpErrorCodes.REQUEST_TIMEOUT, "request timeout");
        }
        return ms;
    }

    private static void closeQuietly(MeteredSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the dial failed already; that is what gets reported
        }
    }
}
