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
 * Runs one plain-HTTP round trip through an engine's own client against a throwaway server on
 * the loopback interface, and resolves {@code localhost}, before the test starts. A test's first
 * request otherwise pays, inside its timed phases, for loading and initialising the socket,
 * proxy-selector, wire and parser classes, bootstrapping their string concatenations and lambdas
 * and the resolver's first look-up: tens of milliseconds of blocked/connecting/sending/waiting
 * that k6 does not show. Started by the CLI while VUs initialise, on its own virtual thread;
 * a failure only logs (the test's requests work the same, only colder).
 */
public final class HttpWarmUp {
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok")
            .getBytes(StandardCharsets.US_ASCII);

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

    /** One round trip through a fresh VU client of {@code engine}; returns the response's status. */
    static int run(HttpEngine engine) throws IOException {
        InetAddress.getAllByName("localhost");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread answer = Thread.ofVirtual().name("http-warm-up-server").start(() -> answerOnce(server));
            VuHttpClient client = engine.newVuClient();
            try {
                HttpResponse r = client.send(HttpRequest.get("http://" + InetAddress.getLoopbackAddress()
                        .getHostAddress() + ":" + server.getLocalPort() + "/"));
                return r.status();
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

    /** Reads one request head and answers it with a fixed 200. */
    private static void answerOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            int matched = 0;
            int b;
            while (matched < 4 && (b = in.read()) >= 0) {
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            }
            OutputStream out = s.getOutputStream();
            out.write(RESPONSE);
            out.flush();
        } catch (IOException e) {
            Logger.debug(e, "HTTP warm-up server failed");
        }
    }
}
