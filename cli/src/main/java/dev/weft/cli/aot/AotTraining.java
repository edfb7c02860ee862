package dev.weft.cli.aot;

import dev.weft.cli.Cli;
import dev.weft.cli.GlobalEnv;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the JDK's AOT cache: {@code ./weft} (through jvm-options.sh) starts this
 * main once after each build, with Weft's class path and JVM options plus the JDK's recording
 * flags, so the classes a plain {@code weft run} loads, and the profiles of its hot methods, are
 * in the cache every later start maps. It runs the CLI as a user would, on the main thread: a
 * 1-VU, 1-iteration smoke test, then a few VUs for a second, each against a tiny HTTP/1.1
 * responder on a loopback port of its own. Everything goes to a null stream; the exit code
 * is the CLI's.
 *
 * <p>Kept to the common path on purpose: every class in the cache is loaded at every start,
 * so training on rarely used modules would slow the runs that don't use them.
 */
public final class AotTraining {
    private static final String SCRIPT = """
            import http from 'k6/http';
            import { check } from 'k6';
            export const options = { thresholds: { checks: ['rate>0.9'] } };
            export default function () {
              const res = http.get(__ENV.URL);
              check(res, { 'status is 200': (r) => r.status === 200 });
            }
            """;

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("weft-aot-training");
        int code;
        try {
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            // what Weft.main sets up before a command, so that its classes are in the cache too
            dev.weft.cli.Weft.installLogFormat();
            System.console();
            dev.weft.cli.signal.ProcessSignals.start(discard);
            code = train(new GlobalEnv(Map.of(), InputStream.nullInputStream(), discard, discard, dir, false,
                    onSignal -> () -> { }));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        // the fast exit's link, trained; the training itself must end through the JVM's exit,
        // which writes the cache
        dev.weft.cli.ProcessExit.link();
        System.exit(code);
    }

    /**
     * Runs the training's two tests through the CLI with {@code global} (its cwd receives the
     * script); returns the first non-zero exit code, else 0.
     */
    static int train(GlobalEnv global) throws IOException, InterruptedException {
        try (Responder target = Responder.start()) {
            Path script = global.cwd().resolve("training.js");
            Files.writeString(script, SCRIPT);
            String url = "URL=http://127.0.0.1:" + target.port() + "/";
            // a control API on a port of its own, so that its classes are trained too
            List<String> common = List.of("-e", url, "--address", "127.0.0.1:0");
            int code = new Cli(global).run(concat(List.of("run"), common, List.of(script.toString())));
            if (code != 0) {
                return code;
            }
            return new Cli(global).run(concat(List.of("run", "-q", "--vus", "4", "--duration", "1s"), common,
                    List.of(script.toString())));
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    /**
     * Answers every HTTP/1.1 request on a loopback port with a fixed 200 (keep-alive); one
     * virtual thread per connection. Closed when the training ends.
     */
    private static final class Responder implements AutoCloseable {
        private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 6\r\n\r\ntrain\n").getBytes(StandardCharsets.US_ASCII);
        private final ServerSocket server;

        private Responder(ServerSocket server) {
            this.server = server;
        }

        static Responder start() throws IOException {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Responder r = new Responder(server);
            Thread.ofVirtual().name("weft-aot-responder").start(r::accept);
            return r;
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        /** Reads request heads (no bodies: the training sends GETs) and answers each. */
        private static void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                int state = 0;
                int b;
                while ((b = in.read()) >= 0) {
                    state = b == '\n' ? state + 1 : b == '\r' ? state : 0;
                    if (state == 2) {
                        out.write(RESPONSE);
                        out.flush();
                        state = 0;
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
