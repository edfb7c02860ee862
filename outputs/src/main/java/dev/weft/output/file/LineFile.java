package dev.weft.output.file;

import dev.weft.metrics.Sample;
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
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The destination of a line-oriented output (json, csv): a file (gzipped when its name ends
 * in {@code .gz}) or standard output, written on a {@link BackgroundBatchWriter} thread so the
 * pipeline's consumer only queues. {@link #submit} is called from the pipeline's consumer
 * thread; {@link Lines#write} runs on the writer thread.
 */
public final class LineFile implements AutoCloseable {
    /** Turns a batch of samples into lines; called only on the writer thread. */
    @FunctionalInterface
    public interface Lines {
        void write(List<Sample> batch, Writer out) throws IOException;
    }

    private final Writer writer;
    private final BackgroundBatchWriter background;

    private LineFile(Writer writer, BackgroundBatchWriter background) {
        this.writer = writer;
        this.background = background;
    }

    /**
     * Opens the destination, writes {@code header} (may be empty) and starts the writer thread.
     *
     * @param file where to write, or null for {@code stdout} (never closed)
     */
    public static LineFile start(String name, Path file, PrintStream stdout, String header, Lines lines)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(open(file, stdout), StandardCharsets.UTF_8), 1 << 16);
        writer.write(header);
        writer.flush();
        BackgroundBatchWriter background = new BackgroundBatchWriter(name,
                BackgroundBatchWriter.DEFAULT_MAX_QUEUED_SAMPLES, new BackgroundBatchWriter.BatchHandler() {
                    @Override
                    public void write(List<Sample> batch) throws IOException {
                        lines.write(batch, writer);
                    }

                    @Override
                    public void flush() throws IOException {
                        writer.flush();
                    }
                });
        background.start();
        return new LineFile(writer, background);
    }

    private static OutputStream open(Path file, PrintStream stdout) throws IOException {
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

    /** Queues a batch for the writer thread; waits only if it is far behind. */
    public void submit(List<Sample> batch) {
        background.submit(batch);
    }

    /** Writes everything queued, then closes the file (standard output is only flushed). */
    @Override
    public void close() throws IOException {
        try {
            background.close();
        } finally {
            writer.close();
        }
    }
}
