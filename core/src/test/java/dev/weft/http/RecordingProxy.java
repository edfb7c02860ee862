package dev.weft.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A forward proxy on loopback for tests, plain (an http:// proxy) or behind TLS (an https://
 * proxy, given a server TLS context): records the head of each connection's first request
 * (absolute-form requests or CONNECTs) and pipes the connection to the target's HTTP or HTTPS port,
 * whatever host the client asked for. Use with noConnectionReuse so each request is a connection.
 */
final class RecordingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final boolean tls;
    private final int httpPort;
    private final int httpsPort;
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** The status line's tail answered to CONNECT; anything but 200 closes without tunnelling. */
    volatile String connectReply = "200 Connection established";

    RecordingProxy(int httpPort, int httpsPort) throws IOException {
        this(httpPort, httpsPort, null);
    }

    /** @param tls the server context for an https:// proxy, or null for a plain one */
    RecordingProxy(int httpPort, int httpsPort, SSLContext tls) throws IOException {
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.tls = tls != null;
        this.server = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    String url() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + server.getLocalPort();
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> requestLines() {
        return heads.stream().map(h -> h.substring(0, h.indexOf("\r\n"))).toList();
    }

    /** The Proxy-Authorization value of each recorded request, "" where there was none. */
    List<String> proxyAuthorizations() {
        return heads.stream().map(RecordingProxy::proxyAuthorization).toList();
    }

    private static String proxyAuthorization(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Proxy-Authorization")) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            String head = readHead(client.getInputStream());
            String line = head.substring(0, head.indexOf("\r\n"));
            heads.add(head);
            boolean connect = line.startsWith("CONNECT ");
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), connect ? httpsPort : httpPort);
            sockets.add(upstream);
            if (connect) {
                String reply = connectReply;
                client.getOutputStream().write(("HTTP/1.1 " + reply + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                if (!reply.startsWith("200")) {
                    upstream.close();
                    client.close();
                    return;
                }
            } else {
                upstream.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            }
            Thread.ofVirtual().start(() -> pipe(upstream, client));
            pipe(client, upstream);
        } catch (IOException | RuntimeException e) {
            // the client went away: nothing to record
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side closed
        } finally {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            sb.append((char) b);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                return sb.toString();
            }
        }
        throw new IOException("closed before a request");
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
