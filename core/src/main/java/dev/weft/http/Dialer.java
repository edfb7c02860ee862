package dev.weft.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens new connections: resolve, TCP connect, and for https a TLS handshake with SNI, the
 * configured versions and suites, and (unless insecure) certificate and host name checks. Stamps
 * the connect and TLS phases on the request's {@link Trace}. Through an environment proxy (see
 * {@link ProxyEnvironment}) it connects to the proxy instead: to an https proxy over TLS (checked
 * like any server's, insecureSkipTLSVerify included, as Go does with one TLS config for both);
 * then a SOCKS5 handshake ({@link Socks5Handshake}), or for an https target a CONNECT tunnel
 * ({@link ProxyTunnel}), before the target's own handshake. Thread-safe and shared: it holds only
 * immutable settings; each call works on its own socket.
 */
final class Dialer {
    private final HostResolver resolver;
    private final Supplier<SSLSocketFactory> tls;
    private final boolean insecure;
    private final String[] protocols;
    private final String[] cipherSuites;
    private final int dialTimeoutMillis;
    private final ProxyEnvironment proxies;

    /** @param tls the test's TLS sockets, asked for only when a connection needs TLS */
    Dialer(HttpClientConfig config, Supplier<SSLSocketFactory> tls, ProxyEnvironment proxies) {
        this.proxies = proxies;
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

    /**
     * True when a request to this URL may use HTTP/2: https, direct (no proxy) and not renamed by
     * k6's {@code hosts} (the JDK client that speaks h2 resolves names itself).
     */
    boolean mayUseHttp2(HttpUrl url) {
        try {
            return url.isHttps() && proxies.forUrl(url) == null && !resolver.isOverridden(url.host());
        } catch (HttpFailure e) {
            return false; // an unusable proxy setting: connect() reports it
        }
    }

    /** TLS settings for the JDK's HTTP/2 client: the same versions and suites as this dialer's. */
    SSLParameters tlsParameters() {
        SSLParameters p = new SSLParameters();
        if (protocols != null) {
            p.setProtocols(protocols);
        }
        if (cipherSuites != null) {
            p.setCipherSuites(cipherSuites);
        }
        return p;
    }

    /**
     * Opens a connection, through the environment's proxy when one applies.
     *
     * @param offerH2 offer "h2" as well as "http/1.1" in ALPN; the caller checks
     *                {@link Connection#applicationProtocol} and must not send HTTP/1.1 on an h2
     *                connection
     */
    Connection connect(HttpUrl url, Trace trace, long deadline, boolean offerH2) throws HttpFailure {
        ProxyEnvironment.Proxy proxy = proxies.forUrl(url);
        InetSocketAddress address = proxy == null ? resolver.resolve(url.host(), url.port())
                : resolver.resolve(proxy.host(), proxy.port());
        // connecting starts before the socket is made, as Go's ConnectStart fires before its dialer's
        // socket() (setTcpNoDelay makes the JDK's socket): k6's "blocked" holds no socket set-up
        trace.connectStart = System.nanoTime();
        MeteredSocket raw = new MeteredSocket();
        ErrorClassifier.Stage stage = ErrorClassifier.Stage.DIAL;
        try {
            raw.setTcpNoDelay(true);
            if (proxy == null) {
                tcpConnect(raw, address, deadline);
            } else {
                proxyConnect(raw, address, deadline);
            }
            Socket carrier = proxy == null ? raw : throughProxy(raw, url, proxy, trace, deadline);
            if (trace.connectDone == 0) {
                trace.connectDone = System.nanoTime();
            }
            String ip = address.getAddress().getHostAddress();
            if (!url.isHttps()) {
                ProxyEnvironment.Proxy forward = proxy == null || proxy.isSocks() ? null : proxy;
                if (carrier instanceof SSLSocket toProxy) {
                    // as in Go, the response's TLS state is the https proxy's session
                    trace.tlsDone = System.nanoTime();
                    SSLSession session = toProxy.getSession();
                    return new Connection(url.origin(), raw, carrier, ip, address.getPort(),
                            TlsVersion.k6NameOfJdk(session.getProtocol()), session.getCipherSuite(), "", forward);
                }
                return new Connection(url.origin(), raw, carrier, ip, address.getPort(), "", "", "", forward);
            }
            stage = ErrorClassifier.Stage.TLS;
            if (trace.tlsStart == 0) {
                trace.tlsStart = System.nanoTime();
            }
            SSLSocket ssl = handshake(carrier, url.host(), url.port(), offerH2, deadline);
            trace.tlsDone = System.nanoTime();
            SSLSession session = ssl.getSession();
            return new Connection(url.origin(), raw, ssl, ip, address.getPort(),
                    TlsVersion.k6NameOfJdk(session.getProtocol()), session.getCipherSuite(),
                    ssl.getApplicationProtocol(), null);
        } catch (IOException e) {
            closeQuietly(raw);
            throw ErrorClassifier.classify(e, stage, System.nanoTime() - deadline >= 0);
        }
    }

    /** TCP to the proxy; a failure is a {@link #proxyconnect} error. */
    private void proxyConnect(MeteredSocket raw, InetSocketAddress address, long deadline) throws IOException {
        try {
            tcpConnect(raw, address, deadline);
        } catch (IOException e) {
            throw proxyconnect(e, ErrorClassifier.Stage.DIAL, deadline);
        }
    }

    /**
     * Go's transport wraps any failure to reach the proxy (TCP or TLS to it) as a "proxyconnect"
     * error, which k6 counts as a generic TCP error (1200), not as the error beneath it; a passed
     * deadline stays 1050.
     */
    private static HttpFailure proxyconnect(IOException e, ErrorClassifier.Stage stage, long deadline) {
        HttpFailure f = ErrorClassifier.classify(e, stage, System.nanoTime() - deadline >= 0);
        return f.code() == HttpErrorCodes.REQUEST_TIMEOUT ? f
                : new HttpFailure(HttpErrorCodes.TCP_GENERIC, "proxyconnect tcp: " + f.getMessage(), e);
    }

    private void tcpConnect(MeteredSocket raw, InetSocketAddress address, long deadline) throws IOException {
        long remainingMs = remainingMillis(deadline);
        boolean deadlineBinds = remainingMs < dialTimeoutMillis;
        try {
            raw.connect(address, (int) Math.min(remainingMs, dialTimeoutMillis));
        } catch (java.net.SocketTimeoutException e) {
            throw deadlineBinds
                    ? new HttpFailure(HttpErrorCodes.REQUEST_TIMEOUT, "request timeout", e)
                    : new HttpFailure(HttpErrorCodes.TCP_DIAL_TIMEOUT, "dial: i/o timeout", e);
        }
    }

    /**
     * Everything between the TCP connection to the proxy and a byte pipe to the target (or, for
     * an http target behind an http or https proxy, to the proxy that forwards absolute-form
     * requests). A SOCKS handshake or a CONNECT over plain TCP counts as connecting, as the CONNECT
     * always has here. With an https proxy, connecting ends when the TCP connection is up and
     * tls_handshaking starts with the proxy's handshake (k6 records that one there too), so it also
     * covers the CONNECT and the target's handshake behind it.
     */
    private Socket throughProxy(MeteredSocket raw, HttpUrl url, ProxyEnvironment.Proxy proxy, Trace trace,
                                long deadline) throws IOException {
        Socket carrier = raw;
        if (proxy.isTls()) {
            trace.connectDone = System.nanoTime();
            trace.tlsStart = trace.connectDone;
            try {
                carrier = handshake(raw, proxy.host(), proxy.port(), false, deadline);
            } catch (IOException e) {
                throw proxyconnect(e, ErrorClassifier.Stage.TLS, deadline);
            }
        }
        carrier.setSoTimeout((int) Math.max(1, remainingMillis(deadline)));
        if (proxy.isSocks()) {
            Socks5Handshake.open(carrier, url, proxy);
        } else if (url.isHttps()) {
            ProxyTunnel.open(carrier, url, proxy);
        }
        return carrier;
    }

    /** A TLS client handshake over an open socket (the target's, or an https proxy's). */
    private SSLSocket handshake(Socket under, String host, int port, boolean offerH2, long deadline)
            throws IOException {
        SSLSocket ssl = (SSLSocket) tls.get().createSocket(under, host, port, true);
        ssl.setSSLParameters(parameters(ssl, host, offerH2));
        ssl.setSoTimeout((int) Math.max(1, remainingMillis(deadline)));
        ssl.startHandshake();
        return ssl;
    }

    private SSLParameters parameters(SSLSocket ssl, String host, boolean offerH2) {
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
        p.setApplicationProtocols(offerH2 ? new String[] {"h2", "http/1.1"} : new String[] {"http/1.1"});
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
