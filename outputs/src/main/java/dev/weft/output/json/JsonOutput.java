package dev.weft.output.json;

import dev.weft.metrics.Sample;
import dev.weft.output.Output;
import dev.weft.pipeline.BackgroundBatchWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * k6's JSON output. The pipeline's consumer thread calls {@link #addMetricSamples(List)}, which
 * only queues the batch; lines are formatted and written on this output's own writer thread
 * (see {@link BackgroundBatchWriter}). Made by {@link JsonOutputFactory}.
 */
public final class JsonOutput implements Output {
    private final Path file;
    private final PrintStream stdout;
    private final Map<String, List<String>> thresholds;
    private final JsonLines lines;
    private final Set<String> seenMetrics = new HashSet<>();
    private Writer writer;
    private BackgroundBatchWriter background;

    /**
     * @param file       where to write, or null for stdout; a name ending in {@code .gz} is gzipped
     * @param thresholds threshold expressions by metric key, as in {@code OutputParams}
     */
    public JsonOutput(Path file, PrintStream stdout, Map<String, List<String>> thresholds, ZoneId zone) {
        this.file = file;
        this.stdout = stdout;
        this.thresholds = thresholds == null ? Map.of() : new LinkedHashMap<>(thresholds);
        this.lines = new JsonLines(zone);
    }

    @Override
    public String description() {
        return file == null ? "json(stdout)" : "json (" + file + ")";
    }

    @Override
    public void start() throws IOException {
        writer = new BufferedWriter(new OutputStreamWriter(open(), StandardCharsets.UTF_8), 1 << 16);
        background = new BackgroundBatchWriter("json", BackgroundBatchWriter.DEFAULT_MAX_QUEUED_SAMPLES, new BackgroundBatchWriter.BatchHandler() {
            @Override
            public void write(List<Sample> batch) throws IOException {
                writeBatch(batch);
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }
        });
        background.start();
    }

    private OutputStream open() throws IOException {
        if (file == null) {
            return new java.io.FilterOutputStream(stdout) {
                @Override
                public void close() throws IOException {
                    flush(); // never close the process's stdout
                }
            };
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        OutputStream out = Files.newOutputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out;
    }

    private void writeBatch(List<Sample> batch) throws IOException {
        for (Sample s : batch) {
            if (seenMetrics.add(s.metric().name())) {
                writer.write(lines.metric(s.metric(), thresholds.getOrDefault(s.metric().name(), List.of()),
                        submetricsOf(s.metric().name())));
                writer.write('\n');
            }
            writer.write(lines.point(s));
            writer.write('\n');
        }
    }

    private List<String> submetricsOf(String metric) {
        List<String> subs = new ArrayList<>();
        for (String key : thresholds.keySet()) {
            if (key.startsWith(metric + "{") && key.endsWith("}")) {
                subs.add(key);
            }
        }
        return subs;
    }

    @Override
    public void addMetricSamples(List<Sample> samples) {
        background.submit(samples);
    }

    @Override
    public void stop() throws IOException {
        try {
            background.close();
        } finally {
            writer.close();
        }
    }
}
