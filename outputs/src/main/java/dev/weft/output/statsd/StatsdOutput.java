package dev.weft.output.statsd;

import dev.weft.metrics.Sample;
import dev.weft.output.Output;
import dev.weft.output.push.PeriodicPusher;
import dev.weft.output.push.PushStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code --out statsd}: buffers samples and every push interval sends them as StatsD lines,
 * {@code bufferSize} lines (at most {@value StatsdConfig#MAX_DATAGRAM_BYTES} bytes) per UDP
 * datagram. The pipeline's consumer calls {@link #addMetricSamples} (queues only); datagrams
 * go out on the {@link PeriodicPusher}'s thread; a datagram the OS refuses (e.g. the port is
 * closed) counts its lines as dropped. Made by {@link StatsdOutputFactory}.
 */
public final class StatsdOutput implements Output {
    private final StatsdConfig config;
    private final StatsdLines lines;
    private final PeriodicPusher pusher;
    private DatagramChannel channel;

    public StatsdOutput(StatsdConfig config) {
        this.config = config;
        this.lines = new StatsdLines(config);
        this.pusher = new PeriodicPusher("statsd", config.pushInterval(), PeriodicPusher.DEFAULT_MAX_PENDING,
                this::send);
    }

    @Override
    public String description() {
        return "statsd (" + config.address() + ")";
    }

    @Override
    public void start() throws IOException {
        InetSocketAddress target = new InetSocketAddress(config.host(), config.port());
        if (target.isUnresolved()) {
            throw new IOException("statsd: cannot resolve " + config.host());
        }
        channel = DatagramChannel.open();
        channel.connect(target);
        pusher.start();
    }

    @Override
    public void addMetricSamples(List<Sample> samples) {
        pusher.add(samples);
    }

    /** Sends one interval's samples; returns how many lines were in datagrams that failed. */
    private long send(List<Sample> samples) {
        long lost = 0;
        StringBuilder datagram = new StringBuilder(StatsdConfig.MAX_DATAGRAM_BYTES);
        StringBuilder line = new StringBuilder(128);
        int inDatagram = 0;
        for (Sample s : samples) {
            line.setLength(0);
            lines.append(line, s);
            if (inDatagram > 0 && (inDatagram == config.bufferSize()
                    || datagram.length() + 1 + line.length() > StatsdConfig.MAX_DATAGRAM_BYTES)) {
                lost += write(datagram, inDatagram);
                datagram.setLength(0);
                inDatagram = 0;
            }
            (inDatagram > 0 ? datagram.append('\n') : datagram).append(line);
            inDatagram++;
        }
        if (inDatagram > 0) {
            lost += write(datagram, inDatagram);
        }
        return lost;
    }

    private long write(CharSequence datagram, int count) {
        try {
            channel.write(ByteBuffer.wrap(datagram.toString().getBytes(StandardCharsets.UTF_8)));
            return 0;
        } catch (IOException e) {
            return count;
        }
    }

    @Override
    public void stop() throws Exception {
        try {
            pusher.stop();
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** Delivery counters so far; safe from any thread. */
    public PushStats stats() {
        return pusher.stats();
    }
}
