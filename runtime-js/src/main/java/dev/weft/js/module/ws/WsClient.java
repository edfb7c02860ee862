package dev.weft.js.module.ws;

import dev.weft.http.TrustEverything;
import dev.weft.net.CountingSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Opens WebSocket connections: TCP (and TLS for wss://) over a counted socket, then the HTTP/1.1
 * upgrade handshake written and read here, so that every byte of it counts in data_sent and
 * data_received as k6's dialer counts it, and a successful handshake's response headers reach the
 * script. Shared by every VU of the test; thread-safe (it holds nothing mutable). Handshakes run
 * on a virtual thread of their own; {@link #connect} parks the caller until one ends.
 */
public final class WsClient {
    /** Handshake headers written by the client itself; the script's values for them are ignored. */
    private static final List<String> MANAGED = List.of("connection", "upgrade", "host", "content-length",
            "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-accept",
            "sec-websocket-protocol");
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Starts a handshake; the future always completes normally, with the connection or the error.
     * Events of the connection go to {@code events} from its reader thread.
     */
    public CompletableFuture<WsHandshake> connectAsync(WsRequest request, Consumer<WsEvent> events) {
        CompletableFuture<WsHandshake> done = new CompletableFuture<>();
        Thread.ofVirtual().name("weft-ws-handshake").start(() -> done.complete(handshake(request, events)));
        return done;
    }

    /** Makes the handshake, parking the calling (virtual) thread until it ends. */
    public WsHandshake connect(WsRequest request, Consumer<WsEvent> events) throws InterruptedException {
        CompletableFuture<WsHandshake> f = connectAsync(request, events);
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.thenAccept(h -> {
                if (h.ok()) {
                    h.connection().abort();
                }
            });
            throw e;
        } catch (ExecutionException e) {
            return failure(0, Map.of(), "", String.valueOf(e.getCause()), 0);
        }
    }

    private static WsHandshake failure(int status, Map<String, String> headers, String body, String error, long took) {
        return failure(status, headers, body, error, took, null, null);
    }

    private static WsHandshake failure(int status, Map<String, String> headers, String body, String error, long took,
            AtomicLong sent, AtomicLong received) {
        return new WsHandshake(null, status, headers, body, "", error, took, sent == null ? 0 : sent.get(),
                received == null ? 0 : received.get());
    }

    private WsHandshake handshake(WsRequest request, Consumer<WsEvent> events) {
        long start = System.nanoTime();
        URI url = request.url();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            return failure(0, Map.of(), "", "malformed ws or wss URL", 0);
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return failure(0, Map.of(), "", "malformed ws or wss URL", 0);
        }
        boolean tls = scheme.equals("wss");
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        String address = (bareHost.contains(":") ? "[" + bareHost + "]" : bareHost) + ":" + port;
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        Socket socket = new CountingSocket(sent, received);
        int timeout = (int) Math.min(Integer.MAX_VALUE, Math.max(1, request.timeout().toMillis()));
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(bareHost, port), timeout);
            socket.setSoTimeout(timeout);
            Socket wire = tls ? tls(socket, bareHost, port, request.insecureSkipTlsVerify()) : socket;
            OutputStream out = wire.getOutputStream();
            InputStream in = new BufferedInputStream(wire.getInputStream());
            String key = Base64.getEncoder().encodeToString(randomBytes(16));
            out.write(requestHead(url, host, port, tls, key, request).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Head head = readHead(in);
            if (head.status() != 101) {
                String body = readBody(in, head.headers());
                socket.close();
                return failure(head.status(), head.headers(), body,
                        "websocket: bad handshake (status " + head.status() + ")", System.nanoTime() - start, sent,
                        received);
            }
            String accept = head.headers().getOrDefault("Sec-Websocket-Accept", "");
            if (!accept.equals(acceptFor(key))) {
                socket.close();
                return failure(101, head.headers(), "", "websocket: bad handshake", System.nanoTime() - start, sent,
                        received);
            }
            socket.setSoTimeout(0);
            String subprotocol = head.headers().getOrDefault("Sec-Websocket-Protocol", "");
            WsConnection connection = new WsConnection(wire, in, out, subprotocol, sent, received, events);
            connection.startReading();
            return new WsHandshake(connection, 101, head.headers(), "", subprotocol, null, System.nanoTime() - start,
                    0, 0);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the handshake's failure is what matters
            }
            return failure(0, Map.of(), "", message(e, address, bareHost), System.nanoTime() - start, sent, received);
        }
    }

    /** Go's wording for a failed dial or handshake. */
    private static String message(IOException e, String address, String host) {
        if (e instanceof ConnectException) {
            return "dial tcp " + address + ": connect: connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "dial tcp: lookup " + host + ": no such host";
        }
        if (e instanceof SocketTimeoutException) {
            return "websocket: handshake timed out";
        }
        if (e instanceof javax.net.ssl.SSLHandshakeException) {
            String m = String.valueOf(e.getMessage());
            return m.contains("PKIX") || m.contains("certification path")
                    ? "tls: failed to verify certificate: x509: certificate signed by unknown authority"
                    : "remote error: tls: handshake failure";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static Socket tls(Socket socket, String host, int port, boolean insecure) throws IOException {
        SSLContext ctx;
        try {
            if (insecure) {
                ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustEverything()}, null);
            } else {
                ctx = SSLContext.getDefault();
            }
        } catch (NoSuchAlgorithmException | java.security.KeyManagementException e) {
            throw new IOException("tls: " + e.getMessage(), e);
        }
        SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(socket, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        if (!insecure) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!host.contains(":") && !Character.isDigit(host.charAt(host.length() - 1))) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        params.setApplicationProtocols(new String[] {"http/1.1"});
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }

    private static String requestHead(URI url, String host, int port, boolean tls, String key, WsRequest request) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        boolean defaultPort = port == (tls ? 443 : 80);
        StringBuilder b = new StringBuilder(256).append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(defaultPort || url.getPort() < 0 ? "" : ":" + port)
                .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ").append(key)
                .append("\r\nSec-WebSocket-Version: 13\r\n");
        if (!request.subprotocols().isEmpty()) {
            b.append("Sec-WebSocket-Protocol: ").append(String.join(", ", request.subprotocols())).append("\r\n");
        }
        request.headers().forEach((name, value) -> {
            if (!MANAGED.contains(name.toLowerCase(Locale.ROOT)) && isToken(name)) {
                b.append(name).append(": ").append(value.replace("\r", "").replace("\n", "")).append("\r\n");
            }
        });
        return b.append("\r\n").toString();
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private record Head(int status, Map<String, String> headers) {
    }

    /** The status line and headers, up to the blank line; header names in Go's canonical form. */
    private static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("websocket: bad handshake: unexpected EOF");
            }
            head.write(c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (c == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("websocket: bad handshake: response head too large");
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new IOException("malformed HTTP response \"" + lines[0] + "\"");
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new IOException("malformed HTTP status code \"" + status[1] + "\"");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(canonical(lines[i].substring(0, colon).strip()), lines[i].substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
        }
        return new Head(code, headers);
    }

    private static String readBody(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("Content-Length");
        if (length == null) {
            return "";
        }
        try {
            int n = (int) Math.min(MAX_BODY, Long.parseLong(length.strip()));
            return new String(in.readNBytes(Math.max(0, n)), StandardCharsets.UTF_8);
        } catch (NumberFormatException e) {
            return "";
        }
    }

    static String acceptFor(String key) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Go's canonical header form (k6 scripts read res.headers["Content-Type"]). */
    private static String canonical(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return b.toString();
    }
}
