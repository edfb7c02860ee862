package dev.weft.output.statsd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import dev.weft.metrics.ValueType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statsd output against a real UDP socket on loopback. */
class StatsdOutputTest {
    private static final Metric REQS = Metric.counter("http_reqs");
    private static final Metric DURATION = Metric.trend("http_req_duration", ValueType.TIME);
    private static final Metric VUS = Metric.gauge("vus");
    private static final Metric CHECKS = Metric.rate("checks");
    private static final Tags TAGS = Tags.of("method", "GET", "status", "200", "url", "http://x/", "vu", "3",
            "name", "");

    private DatagramSocket agent;

    @BeforeEach
    void listen() throws Exception {
        agent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        agent.setSoTimeout(300);
    }

    @AfterEach
    void close() {
        agent.close();
    }

    private StatsdConfig config(boolean tags, int bufferSize) {
        return new StatsdConfig("127.0.0.1", agent.getLocalPort(), "k6.", Duration.ofMillis(50), bufferSize, tags,
                Set.of("vu", "iter", "url"));
    }

    private List<String> datagrams() throws Exception {
        List<String> out = new ArrayList<>();
        byte[] buf = new byte[65536];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                agent.receive(p);
            } catch (SocketTimeoutException e) {
                return out;
            }
            out.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> lines(List<String> datagrams) {
        return datagrams.stream().flatMap(d -> d.lines()).toList();
    }

    @Test
    void each_metric_type_becomes_k6s_statsd_line_under_the_namespace() throws Exception {
        StatsdOutput out = new StatsdOutput(config(false, 20));
        out.start();
        out.addMetricSamples(List.of(new Sample(REQS, TAGS, 1, 1), new Sample(DURATION, TAGS, 1, 12.5),
                new Sample(VUS, Tags.EMPTY, 1, 10), new Sample(CHECKS, Tags.of("check", "ok"), 1, 1),
                new Sample(CHECKS, Tags.of("check", "ok"), 1, 0), new Sample(Metric.rate("errors"), TAGS, 1, 1)));
        out.stop();
        assertThat(lines(datagrams())).containsExactly("k6.http_reqs:1|c", "k6.http_req_duration:12.5|ms",
                "k6.vus:10|g", "k6.check.ok.pass:1|c", "k6.check.ok.fail:1|c", "k6.errors:1|c");
        assertThat(out.stats().pushed()).isEqualTo(6);
        assertThat(out.stats().dropped()).isZero();
    }

    @Test
    void with_tags_enabled_dogstatsd_tags_follow_without_blocked_or_empty_ones() throws Exception {
        StatsdOutput out = new StatsdOutput(config(true, 20));
        out.start();
        out.addMetricSamples(List.of(new Sample(REQS, TAGS, 1, 1)));
        out.stop();
        assertThat(lines(datagrams())).containsExactly("k6.http_reqs:1|c|#method:GET,status:200");
    }

    @Test
    void a_datagram_carries_at_most_buffer_size_lines() throws Exception {
        StatsdOutput out = new StatsdOutput(config(false, 3));
        out.start();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(new Sample(REQS, Tags.EMPTY, 1, 1));
        }
        out.addMetricSamples(samples);
        out.stop();
        List<String> datagrams = datagrams();
        assertThat(datagrams).hasSize(4);
        assertThat(datagrams).allMatch(d -> d.lines().count() <= 3);
        assertThat(lines(datagrams)).hasSize(10);
    }

    @Test
    void samples_pushed_every_interval_arrive_before_stop() throws Exception {
        StatsdOutput out = new StatsdOutput(config(false, 20));
        out.start();
        out.addMetricSamples(List.of(new Sample(REQS, Tags.EMPTY, 1, 1)));
        agent.setSoTimeout(5_000);
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        agent.receive(p);
        assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8)).isEqualTo("k6.http_reqs:1|c");
        out.stop();
    }

    @Test
    void datagrams_the_os_refuses_are_counted_as_dropped() throws Exception {
        int port = agent.getLocalPort();
        agent.close(); // nothing listens: loopback answers with ICMP port unreachable
        StatsdOutput out = new StatsdOutput(new StatsdConfig("127.0.0.1", port, "k6.", Duration.ofMillis(20), 1, false,
                Set.of()));
        out.start();
        for (int round = 0; round < 20; round++) {
            out.addMetricSamples(List.of(new Sample(REQS, Tags.EMPTY, 1, 1), new Sample(REQS, Tags.EMPTY, 1, 1)));
            Thread.sleep(25);
        }
        out.stop();
        assertThat(out.stats().failed()).isPositive();
        assertThat(out.stats().pushed() + out.stats().failed()).isEqualTo(40);
    }
}
