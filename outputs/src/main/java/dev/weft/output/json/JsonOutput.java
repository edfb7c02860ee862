package dev.weft.output.json;

import dev.weft.metrics.Sample;
import dev.weft.output.Output;
import dev.weft.output.file.LineFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * k6's JSON output. The pipeline's consumer thread calls {@link #addMetricSamples(List)}, which
 * only queues the batch; lines are formatted and written on this output's own writer thread
 * (see {@link LineFile}). Made by {@link JsonOutputFactory}.
 */
public final class JsonOutput implements Output {
    private final Path file;
    private final PrintStream stdout;
    private final Map<String, List<String>> thresholds;
    private final JsonLines lines;
    private final Set<String> seenMetrics = new HashSet<>();
    private LineFile out;

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
        out = LineFile.start("json", file, stdout, "", this::writeBatch);
    }

    private void writeBatch(List<Sample> batch, Writer writer) throws IOException {
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
        out.submit(samples);
    }

    @Override
    public void stop() throws IOException {
        out.close();
    }
}
