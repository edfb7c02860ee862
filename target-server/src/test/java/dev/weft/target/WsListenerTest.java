package dev.weft.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WsListenerTest {
    @Test
    void theEchoEndpointEchoesTextAndBinaryAndClosesOnRequest() throws Exception {
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        try (TargetServer target = TargetServer.startOnLoopback(); HttpClient client = HttpClient.newHttpClient()) {
            WebSocket ws = client.newWebSocketBuilder().subprotocols("chat")
                    .buildAsync(URI.create(target.wsBaseUrl() + "/ws/echo"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            events.add("text:" + data);
                            w.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                            events.add("binary:" + data.remaining());
                            w.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                            closed.complete(status + " " + reason);
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);
            assertThat(ws.getSubprotocol()).isEqualTo("chat");
            ws.sendText("hello", true).get(5, TimeUnit.SECONDS);
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("text:hello");
            ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(5, TimeUnit.SECONDS);
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("binary:3");
            ws.sendText("close", true).get(5, TimeUnit.SECONDS);
            assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo("1000 bye");
        }
    }
}
