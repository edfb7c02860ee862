package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cloud.wire.TestRunRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnreachableTest {
    @Test
    void aRefusedConnectionIsOneLineNamingHostAndPortAndComesAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        try (CloudApiClient client = new CloudApiClient("http://127.0.0.1:" + port, "token", Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> client.createTestRun(new TestRunRequest("t", null, 1, Map.of(), 1)))
                    .hasMessage("connection refused to 127.0.0.1:" + port);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aServiceThatNeverAnswersIsNamedWithTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0);
                CloudApiClient client = new CloudApiClient("http://127.0.0.1:" + silent.getLocalPort(), "token",
                        Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.createTestRun(new TestRunRequest("t", null, 1, Map.of(), 1)))
                    .hasMessage("no answer from 127.0.0.1:" + silent.getLocalPort() + " within 300 ms");
        }
    }
}
