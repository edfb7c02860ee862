package dev.weft.output.csv;

import dev.weft.metrics.Sample;
import dev.weft.output.Output;
import dev.weft.pipeline.BackgroundBatchWriter;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * k6's CSV output. {@link #addMetricSamples(List)} (pipeline consumer thread) only queues the
 * batch; rows are written on this output's own writer thread. Made by {@link CsvOutputFactory}.
 */
public final class CsvOutput implements Output {
    private final Path file;
    private final PrintStream stdout;
    private final CsvRows rows;
    private Writer writer;
    private BackgroundBatchWriter background;

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
        writer = new BufferedWriter(new OutputStreamWriter(open(), StandardCharsets.UTF_8), 1 << 16);
        writer.write(rows.header());
        writer.write('\n');
        writer.flush();
        background = new BackgroundBatchWriter("csv", BackgroundBatchWriter.DEFAULT_MAX_QUEUED_SAMPLES, new BackgroundBatchWriter.BatchHandler() {
            @Override
            public void write(List<Sample> batch) throws IOException {
                for (Sample s : batch) {
                    writer.write(rows.row(s));
                    writer.write('\n');
                }
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
            return new FilterOutputStream(stdout) {
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
