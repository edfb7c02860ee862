package dev.weft.output.csv;

import dev.weft.metrics.Sample;
import dev.weft.output.Output;
import dev.weft.output.file.LineFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * k6's CSV output. {@link #addMetricSamples(List)} (pipeline consumer thread) only queues the
 * batch; rows are written on this output's own writer thread. Made by {@link CsvOutputFactory}.
 */
public final class CsvOutput implements Output {
    private final Path file;
    private final PrintStream stdout;
    private final CsvRows rows;
    private LineFile out;

    /** @param file where to write, or null for stdout; a name ending in {@code .gz} is gzipped */
    public CsvOutput(Path file, PrintStream stdout, String timeFormat, ZoneId zone) {
        this.file = file;
        this.stdout = stdout;
        this.rows = new CsvRows(timeFormat, zone);
    }

    @Override
    public String description() {
        return file == null ? "csv (stdout)" : "csv (" + file + ")";
    }

    @Override
    public void start() throws IOException {
        out = LineFile.start("csv", file, stdout, rows.header() + "\n", (batch, w) -> {
            for (Sample sample : batch) {
                w.write(rows.row(sample));
                w.write('\n');
            }
        });
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
