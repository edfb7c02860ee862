package dev.weft.js.module.websockets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.js.module.ws.WsMetrics;
import dev.weft.js.module.ws.WsScriptVu;
import dev.weft.target.TargetServer;
import dev.weft.vu.IterationOutcome;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WebSocketsModuleTest {
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
    void anAsyncIterationEndsOnlyWhenTheSocketCloses() throws Exception {
        try (WsScriptVu vu = new WsScriptVu(target.wsBaseUrl(), """
                import { WebSocket } from 'k6/experimental/websockets';
                export default async function () {
                  const got = [];
                  const ws = new WebSocket(__ENV.WS + '/ws/echo', 'chat');
                  ws.binaryType = 'arraybuffer';
                  got.push('state ' + ws.readyState);
                  ws.onopen = () => { got.push('open ' + ws.protocol); ws.send('hi'); ws.send(new Uint8Array([7, 8])); };
                  ws.addEventListener('message', (e) => {
                    got.push(typeof e.data === 'string' ? e.data : 'bin' + new Uint8Array(e.data).join(''));
                    if (got.length === 4) ws.close();
                  });
                  ws.onclose = (e) => { got.push('close ' + e.code + ' ' + ws.readyState); console.log(JSON.stringify(got)); };
                  await new Promise((r) => setTimeout(r, 1));
                }
                """)) {
            assertThat(vu.iterate()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vu.console).contains("info: [\"state 0\",\"open chat\",\"hi\",\"bin78\",\"close 1000 3\"]");
            assertThat(vu.samples(WsMetrics.WS_SESSIONS)).hasSize(1);
            assertThat(vu.samples(WsMetrics.WS_SESSION_DURATION).getFirst().tags().get("subproto")).isEqualTo("chat");
            assertThat(vu.samples(WsMetrics.WS_MSGS_RECEIVED)).hasSize(2);
        }
    }

    @Test
    void anUnreachableUrlFiresErrorAndCloseWithoutHanging() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (WsScriptVu vu = new WsScriptVu("ws://127.0.0.1:" + port, """
                import { WebSocket } from 'k6/experimental/websockets';
                export default function () {
                  const ws = new WebSocket(__ENV.WS + '/ws/echo');
                  const got = [];
                  ws.onerror = () => got.push('error');
                  ws.onclose = () => { got.push('close'); console.log(JSON.stringify(got)); };
                }
                """)) {
            assertThat(vu.iterate()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vu.console).contains("info: [\"error\",\"close\"]");
        }
    }
}
