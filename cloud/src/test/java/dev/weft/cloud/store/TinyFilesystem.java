package dev.weft.cloud.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, small filesystem for storage-fault tests: a tmpfs of a given size mounted on a
 * directory, which tests fill up or remount read-only. Needs the right to mount (root or
 * CAP_SYS_ADMIN); {@link #mount} returns null where that is missing so tests can skip.
 */
final class TinyFilesystem implements AutoCloseable {
    private final Path dir;
    private int fillers;

    private TinyFilesystem(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code kilobytes} on {@code dir}, or returns null when mounting is not allowed here. */
    static TinyFilesystem mount(Path dir, int kilobytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        if (run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", dir.toString()) != 0) {
            return null;
        }
        return new TinyFilesystem(dir);
    }

    Path dir() {
        return dir;
    }

    /**
     * Fills the free space with a new file (the disk is then really full); returns its path.
     * Call again to take up space the database has freed meanwhile.
     */
    Path fill() throws IOException {
        Path filler = dir.resolve("filler-" + fillers++);
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        return filler;
    }

    /** Remounts read-only; retries while a just-closed database still has a file open ("busy"). */
    /** Deletes every file {@link #fill} made. */
    void makeRoom() throws IOException {
        for (int i = 0; i < fillers; i++) {
            Files.deleteIfExists(dir.resolve("filler-" + i));
        }
    }

    void remountReadOnly() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (run("mount", "-o", "remount,ro", dir.toString()) == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("cannot remount " + dir + " read-only");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", command) + ": " + out.strip());
        }
        return p.exitValue();
    }
}
