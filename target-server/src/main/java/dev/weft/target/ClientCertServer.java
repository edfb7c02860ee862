package dev.weft.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS server on loopback that needs a client certificate, trusting only the certificates it is
 * given (each is its own trust anchor, so self-signed client certificates work), and answers every
 * request with 200 and the subject of the client's certificate as the body ("CN=..."). Clients
 * without a trusted certificate fail their handshake. For tests of k6's {@code tlsAuth} in core
 * and runtime-js: a test class starts one and closes it. One virtual thread accepts, one more
 * serves each connection (one request, then the connection is closed).
 */
public final class ClientCertServer implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private final SSLServerSocket socket;

    private ClientCertServer(SSLServerSocket socket) {
        this.socket = socket;
    }

    /** Starts on an ephemeral loopback port; takes about a second (the server's own certificate). */
    public static ClientCertServer start(Collection<X509Certificate> trusted) throws IOException {
        TrustManagerFactory tmf;
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int i = 0;
            for (X509Certificate c : trusted) {
                anchors.setCertificateEntry("client-" + i++, c);
            }
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(anchors);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the client certificates", e);
        }
        SSLServerSocket socket = (SSLServerSocket) SelfSignedCertificate.createServerContext(tmf.getTrustManagers())
                .getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        socket.setNeedClientAuth(true);
        ClientCertServer server = new ClientCertServer(socket);
        Thread.ofVirtual().name("client-cert-server").start(server::acceptLoop);
        return server;
    }

    /** "https://localhost:PORT": the name a tlsAuth entry's domains must match. */
    public String baseUrl() {
        return "https://localhost:" + socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread.ofVirtual().name("client-cert-connection").start(() -> serve((SSLSocket) s));
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    private static void serve(SSLSocket s) {
        try (s) {
            s.setSoTimeout(READ_TIMEOUT_MILLIS);
            s.startHandshake();
            X509Certificate client = (X509Certificate) s.getSession().getPeerCertificates()[0];
            skipRequestHead(s.getInputStream());
            byte[] body = client.getSubjectX500Principal().getName().getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // a client without a trusted certificate fails its handshake; nothing to answer
        }
    }

    /** Reads up to the blank line that ends the request head (requests here have no body). */
    private static void skipRequestHead(InputStream in) throws IOException {
        int lineEnds = 0;
        while (lineEnds < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            lineEnds = b == '\r' || b == '\n' ? lineEnds + 1 : 0;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a listening socket has nothing to report
        }
    }
}
