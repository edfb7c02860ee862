package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A WebSocket session's data_sent and data_received are every byte on the wire, the upgrade
 * handshake included, as k6 v1.3.0's dialer counts them: checked against what a real WebSocket
 * echo server in the test read and wrote, for k6/ws and k6/experimental/websockets, and for a
 * refused upgrade.
 */
class WebSocketBytesTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;
    private ServerSocket server;
    private final AtomicLong serverRead = new AtomicLong();
    private final AtomicLong serverWrote = new AtomicLong();
    /** The server's answer to the client's close frame, kept apart: k6/ws never reads it. */
    private final AtomicLong closeReply = new AtomicLong();
    private Thread acceptor;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        acceptor.join(5_000);
    }

    /** Upgrades /echo (refuses anything else with 404), echoes messages, answers pings and the close. */
    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    return;
                }
                head.write(c);
            }
            serverRead.addAndGet(head.size());
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (!text.startsWith("GET /echo ")) {
                write(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot here\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            String key = text.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                    .findFirst().orElseThrow().substring(18).strip();
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            write(out, ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\nX-Test: yes\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            while (true) {
                int b0 = in.read();
                int b1 = in.read();
                int len = b1 & 0x7F;
                serverRead.addAndGet(2);
                if (len == 126) {
                    len = (in.read() << 8) | in.read();
                    serverRead.addAndGet(2);
                }
                byte[] mask = in.readNBytes(4);
                byte[] payload = in.readNBytes(len);
                serverRead.addAndGet(4 + len);
                for (int i = 0; i < len; i++) {
                    payload[i] ^= mask[i & 3];
                }
                int opcode = b0 & 0x0F;
                int reply = opcode == 0x9 ? 0xA : opcode;
                byte[] body = opcode == 0x8 ? java.util.Arrays.copyOf(payload, Math.min(2, len)) : payload;
                ByteArrayOutputStream frame = new ByteArrayOutputStream();
                frame.write(0x80 | reply);
                if (body.length < 126) {
                    frame.write(body.length);
                } else {
                    frame.write(126);
                    frame.write(body.length >>> 8);
                    frame.write(body.length & 0xFF);
                }
                frame.writeBytes(body);
                if (opcode == 0x8) {
                    closeReply.set(frame.size());
                    out.write(frame.toByteArray());
                    out.flush();
                    return;
                }
                write(out, frame.toByteArray());
            }
        } catch (Exception e) {
            // the client went away
        }
    }

    private void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        serverWrote.addAndGet(bytes.length);
    }

    private JsonObject run(String module, String path) throws Exception {
        Files.writeString(dir.resolve("s.js"), """
                import ws from 'k6/ws';
                import { WebSocket } from 'k6/experimental/websockets';
                export const options = { iterations: 1 };
                export default function () {
                  const url = `ws://127.0.0.1:${__ENV.PORT}${__ENV.WS_PATH}`;
                  if (__ENV.MOD === 'ws') {
                    const res = ws.connect(url, null, (s) => {
                      s.on('open', () => s.send('x'.repeat(300)));
                      s.on('message', () => s.close());
                    });
                    console.log(`status ${res.status} header ${res.headers['X-Test']}`);
                  } else {
                    const s = new WebSocket(url);
                    s.onopen = () => s.send('hello');
                    s.onmessage = () => s.close();
                    s.onerror = (e) => console.log('error ' + e.error);
                  }
                }
                """);
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("HOME", dir.toString()));
        Path export = dir.resolve("export.json");
        int code = new Cli(g.env).run(List.of("run", "-q", "--address", "", "--log-format", "raw", "-e", "MOD=" + module,
                "-e", "PORT=" + server.getLocalPort(), "-e", "WS_PATH=" + path, "--summary-export", export.toString(),
                "s.js"));
        assertThat(code).as(g.stderr()).isZero();
        if (module.equals("ws") && path.equals("/echo")) {
            assertThat(g.stderr()).contains("status 101 header yes");
        }
        Thread.sleep(100); // the server's last write is counted once its socket closed
        return JsonParser.parseString(Files.readString(export)).getAsJsonObject().getAsJsonObject("metrics");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ws", "websockets"})
    void a_sessions_bytes_are_every_byte_on_the_wire_handshake_included(String module) throws Exception {
        JsonObject metrics = run(module, "/echo");
        assertThat(metrics.getAsJsonObject("data_sent").get("count").getAsLong()).isEqualTo(serverRead.get());
        long received = metrics.getAsJsonObject("data_received").get("count").getAsLong();
        if (module.equals("ws")) {
            // k6/ws's close() drops the connection right after its close frame, as k6's does: the
            // server's close reply is counted only if it arrived before that (a race in k6 too)
            assertThat(received).isIn(serverWrote.get(), serverWrote.get() + closeReply.get());
        } else {
            assertThat(received).isEqualTo(serverWrote.get() + closeReply.get());
        }
        assertThat(serverRead.get()).as("the handshake request alone is over 150 bytes").isGreaterThan(150);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ws", "websockets"})
    void a_refused_upgrade_counts_its_request_and_response(String module) throws Exception {
        JsonObject metrics = run(module, "/nope");
        assertThat(metrics.getAsJsonObject("data_sent").get("count").getAsLong()).isEqualTo(serverRead.get());
        assertThat(metrics.getAsJsonObject("data_received").get("count").getAsLong()).isEqualTo(serverWrote.get());
    }
}
