package dev.weft.js.module.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.target.TargetServer;
import dev.weft.vu.IterationOutcome;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WsModuleTest {
    private static TargetServer target;

    @BeforeAll
    static void start() throws Exception {
        target = TargetServer.startOnLoopback();
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Test
    void connectSendsReceivesTheEchoAndBlocksUntilTheServerCloses() throws Exception {
        try (WsScriptVu vu = new WsScriptVu(target.wsBaseUrl(), """
                import ws from 'k6/ws';
                import { check } from 'k6';
                export default function () {
                  const got = [];
                  const res = ws.connect(__ENV.WS + '/ws/echo', { tags: { my: 'tag' } }, function (socket) {
                    socket.on('open', () => { socket.send('hello'); socket.sendBinary(new Uint8Array([1, 2, 3]).buffer); });
                    socket.on('message', (m) => { got.push(m); socket.ping(); });
                    socket.on('pong', () => { got.push('pong'); socket.send('close'); });
                    socket.on('binaryMessage', (b) => got.push('bin' + new Uint8Array(b).join('')));
                    socket.on('close', (code) => got.push('closed ' + code));
                  });
                  console.log(JSON.stringify({ status: res.status, url: res.url, got }));
                }
                """)) {
            assertThat(vu.iterate()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vu.console).contains("info: {\"status\":101,\"url\":\"" + target.wsBaseUrl()
                    + "/ws/echo\",\"got\":[\"hello\",\"bin123\",\"pong\",\"closed 1000\"]}");
            assertThat(vu.samples(WsMetrics.WS_SESSIONS)).hasSize(1);
            Sample session = vu.samples(WsMetrics.WS_SESSION_DURATION).getFirst();
            assertThat(session.tags().get("url")).isEqualTo(target.wsBaseUrl() + "/ws/echo");
            assertThat(session.tags().get("status")).isEqualTo("101");
            assertThat(session.tags().get("subproto")).isEqualTo("");
            assertThat(session.tags().get("scenario")).isEqualTo("default");
            assertThat(session.tags().get("group")).isEqualTo("");
            assertThat(session.tags().get("my")).isEqualTo("tag");
            assertThat(vu.samples(WsMetrics.WS_MSGS_SENT)).hasSize(3);
            assertThat(vu.samples(WsMetrics.WS_MSGS_RECEIVED)).hasSize(2);
            assertThat(vu.samples(WsMetrics.WS_PING)).hasSize(1);
            assertThat(vu.samples(WsMetrics.WS_CONNECTING)).hasSize(1);
            assertThat(vu.samples(BuiltinMetrics.DATA_SENT).getFirst().value()).isPositive();
            assertThat(vu.samples(BuiltinMetrics.DATA_RECEIVED).getFirst().value()).isPositive();
            assertThat(vu.registry.get("ws_session_duration")).contains(WsMetrics.WS_SESSION_DURATION);
        }
    }

    @Test
    void closingFromTheScriptAndSocketTimersEndTheSession() throws Exception {
        try (WsScriptVu vu = new WsScriptVu(target.wsBaseUrl(), """
                import ws from 'k6/ws';
                export default function () {
                  let ticks = 0;
                  const res = ws.connect(__ENV.WS + '/ws/echo', function (socket) {
                    socket.setInterval(() => { ticks++; }, 5);
                    socket.setTimeout(() => socket.close(), 60);
                    socket.on('close', (code) => console.log(JSON.stringify({ code, ticked: ticks >= 1 })));
                  });
                }
                """)) {
            assertThat(vu.iterate()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vu.console).contains("info: {\"code\":1001,\"ticked\":true}");
        }
    }

    @Test
    void anUnreachableUrlGivesAnErrorResponseWithoutHanging() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (WsScriptVu vu = new WsScriptVu("ws://127.0.0.1:" + port, """
                import ws from 'k6/ws';
                export default function () {
                  let called = false;
                  const res = ws.connect(__ENV.WS + '/ws/echo', () => { called = true; });
                  console.log(JSON.stringify({ status: res.status, hasError: res.error !== '', called }));
                }
                """)) {
            long start = System.nanoTime();
            assertThat(vu.iterate()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(vu.console).contains("info: {\"status\":0,\"hasError\":true,\"called\":false}");
            assertThat(vu.samples(WsMetrics.WS_SESSIONS)).hasSize(1);
        }
    }

    @Test
    void aRefusedUpgradeReportsTheServersStatus() throws Exception {
        try (WsScriptVu vu = new WsScriptVu(target.baseUrl().replace("http://", "ws://"), """
                import ws from 'k6/ws';
                export default function () {
                  const res = ws.connect(__ENV.WS + '/status/404', () => {});
                  console.log(JSON.stringify({ status: res.status }));
                }
                """)) {
            assertThat(vu.iterate()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vu.console).contains("info: {\"status\":404}");
        }
    }
}
