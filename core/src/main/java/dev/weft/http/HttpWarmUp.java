package dev.weft.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.tinylog.Logger;

/**
 * Runs plain-HTTP round trips through an engine's own client against a throwaway server on
 * the loopback interface, and resolves {@code localhost}, before the test starts. A test's first
 * request otherwise pays, inside its timed phases, for loading and initialising the socket,
 * proxy-selector, wire and parser classes, bootstrapping their string concatenations and lambdas
 * and the resolver's first look-up: tens of milliseconds of blocked/connecting/sending/waiting
 * that k6 does not show. Started by the CLI while VUs initialise, on its own virtual thread;
 * a failure only logs (the test's requests work the same, only colder).
 */
public final class HttpWarmUp {
    /** What a typical server answers, so the parser meets its usual headers. */
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nServer: weft-warm-up\r\n"
            + "Date: Thu, 01 Jan 2026 00:00:00 GMT\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
            + "Connection: keep-alive\r\n\r\nok").getBytes(StandardCharsets.US_ASCII);
    private static final int REQUESTS = 3;

    private HttpWarmUp() {
    }

    /** Starts the warm-up; the future completes when it is over, whether it worked or not. */
    public static CompletableFuture<Void> start(HttpEngine engine) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().name("http-warm-up").start(() -> {
            try {
                run(engine);
            } catch (IOException | RuntimeException e) {
                Logger.debug(e, "HTTP warm-up failed");
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /**
     * Three round trips through a fresh VU client of {@code engine} with a cookie jar, as a VU's
     * requests go, the later ones on the kept-alive connection of the first; returns the last
     * response's status.
     */
    static int run(HttpEngine engine) throws IOException {
        InetAddress.getAllByName("localhost");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread answer = Thread.ofVirtual().name("http-warm-up-server").start(() -> answerOnce(server));
            VuHttpClient client = engine.newVuClient();
            try {
                HttpRequest get = HttpRequest.get("http://" + InetAddress.getLoopbackAddress().getHostAddress()
                        + ":" + server.getLocalPort() + "/");
                int status = 0;
                CookieJar jar = engine.newCookieJar();
                for (int i = 0; i < REQUESTS; i++) {
                    status = client.send(get, jar).status();
                }
                return status;
            } finally {
                client.close();
                try {
                    answer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Accepts one connection and answers each request head on it with a fixed 200. */
    private static void answerOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (int i = 0; i < REQUESTS; i++) {
                int matched = 0;
                int b = 0;
                while (matched < 4 && (b = in.read()) >= 0) {
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                }
                if (b < 0) {
                    return;
                }
                out.write(RESPONSE);
                out.flush();
            }
        } catch (IOException e) {
            Logger.debug(e, "HTTP warm-up server failed");
        }
    }
}
