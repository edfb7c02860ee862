package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request deadlines enforced by closing the connection, against a real server that stalls. */
class DeadlineWatchTest {
    private ServerSocket server;
    private final List<Socket> accepted = new ArrayList<>();
    private Thread acceptor;
    private VuHttpClient http;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setReceiveBufferSize(4096);
        acceptor = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket s = server.accept(); // accepted, then never read from or answered
                    s.setReceiveBufferSize(4096);
                    synchronized (accepted) {
                        accepted.add(s);
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        http = new HttpEngine(HttpClientConfig.defaults(), Clock.systemUTC()).newVuClient();
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        server.close();
        acceptor.join();
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    @Test
    void aServerThatNeverAnswersEndsTheRequestAtItsTimeoutWithCode1050() {
        HttpResponse r = http.send(HttpRequest.get(url()).withTimeout(Duration.ofMillis(300)));

        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.REQUEST_TIMEOUT);
        assertThat(r.error()).isEqualTo("request timeout");
        assertThat(r.timings().duration()).isBetween(200.0, 5_000.0); // the dial is outside duration
        assertThat(http.idleConnections()).isZero();
    }

    @Test
    void aBodyTheServerNeverReadsEndsTheRequestAtItsTimeoutInsteadOfBlockingTheWrite() {
        byte[] body = new byte[64 * 1024 * 1024]; // far beyond both sockets' buffers: the write blocks
        HttpResponse r = http.send(HttpRequest.of("POST", url()).withBody(body).withTimeout(Duration.ofMillis(300)));

        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.REQUEST_TIMEOUT);
        assertThat(http.idleConnections()).isZero();
    }

    @Test
    void aTimedOutExchangeLeavesNothingArmed() throws Exception {
        HttpResponse r = http.send(HttpRequest.get(url()).withTimeout(Duration.ofMillis(100)));
        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.REQUEST_TIMEOUT);

        assertThat(DeadlineWatch.instance().armedCount()).isZero();
    }
}
