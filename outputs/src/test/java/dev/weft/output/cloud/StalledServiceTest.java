package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cloud output under {@code -Xmx256m} with a million distinct tag values and a service
 * that accepts connections and never answers: it must neither run out of memory nor hang,
 * and every sample it measured must be accounted for as dropped, with reasons.
 */
class StalledServiceTest {
    @Test
    void aMillionDistinctTagValuesIntoAStalledServiceNeitherExhaustTheHeapNorHangAndEveryDropIsCounted()
            throws Exception {
        try (SilentService service = new SilentService()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                    System.getProperty("java.class.path"), StalledServiceDrill.class.getName(), service.url(),
                    "1000000", "20").redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> p.inputReader(StandardCharsets.UTF_8).lines()
                    .forEach(lines::add));
            boolean ended = p.waitFor(240, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            reader.join(5_000);
            String output = String.join("\n", lines);
            System.out.println(output);
            assertThat(ended).as("the drill ended in time:\n%s", output).isTrue();
            assertThat(p.exitValue()).as("exit code; output:\n%s", output).isZero();
            assertThat(service.connections()).isPositive();

            Matcher m = Pattern.compile("DRILL measured=(\\d+) confirmed=(\\d+) dropped=(\\d+) reasons=\\{(.*)\\} "
                    + "merged=\\d+ series=(\\d+) warnings=(\\d+) pipelineDropped=(\\d+)").matcher(output);
            assertThat(m.find()).as(output).isTrue();
            assertThat(Long.parseLong(m.group(1))).isEqualTo(2_000_000);
            assertThat(Long.parseLong(m.group(2))).isZero();
            assertThat(Long.parseLong(m.group(3))).as("every measured sample is dropped and counted").isEqualTo(2_000_000);
            assertThat(m.group(4)).contains("BUFFER_FULL=", "STOP_TIMEOUT=");
            assertThat(Long.parseLong(m.group(5))).isBetween(1_999_000L, 2_000_000L);
            assertThat(Integer.parseInt(m.group(6))).isEqualTo(5);
            assertThat(Long.parseLong(m.group(7))).isZero();
            assertThat(output).contains("cloud: the service confirmed 0 of 2000000 samples measured",
                    "because the buffer was full while the service was slow or unreachable");
        }
    }

    /** Accepts connections on loopback and never answers; keeps them open until closed. */
    private static final class SilentService implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor = Thread.ofVirtual().start(this::accept);

        SilentService() throws IOException {
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws Exception {
            server.close();
            acceptor.join(1000);
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
