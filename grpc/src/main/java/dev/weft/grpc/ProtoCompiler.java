package dev.weft.grpc;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Compiles {@code .proto} files into a descriptor set with protoc, the reference compiler, as
 * Maven Central ships it (bundled in this jar for linux x86_64 and aarch64). protoc and the
 * well-known types' {@code .proto} files (from protobuf-java's jar) are unpacked once into a cache
 * directory. One per test, shared by all VUs' init code; thread-safe.
 */
public final class ProtoCompiler {
    private static final String VERSION = "4.32.1";
    private static final List<String> WELL_KNOWN = List.of("any", "api", "descriptor", "duration", "empty",
            "field_mask", "source_context", "struct", "timestamp", "type", "wrappers");

    private final Path cacheRoot;
    private final ReentrantLock lock = new ReentrantLock();
    private Path unpacked;

    /** @param cacheRoot where protoc is unpacked (e.g. ~/.cache/weft); created when missing */
    public ProtoCompiler(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** The user's cache directory ($XDG_CACHE_HOME or ~/.cache) under weft/. */
    public static ProtoCompiler inUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new ProtoCompiler(base.resolve("weft"));
    }

    /**
     * Compiles {@code files} (names as found under one of {@code importPaths}, or real paths) and
     * everything they import. Throws with protoc's own error lines when a file does not parse.
     */
    public FileDescriptorSet compile(List<Path> importPaths, List<String> files) throws GrpcException {
        if (files.isEmpty()) {
            return FileDescriptorSet.getDefaultInstance();
        }
        Path home = unpack();
        Path out = null;
        try {
            out = Files.createTempFile("weft-protoset", ".pb");
            List<String> cmd = new ArrayList<>();
            cmd.add(home.resolve("protoc").toString());
            cmd.add("--include_imports");
            cmd.add("--descriptor_set_out=" + out);
            List<Path> paths = new ArrayList<>(importPaths);
            List<String> names = new ArrayList<>();
            for (String f : files) {
                names.add(nameWithin(paths, f));
            }
            for (Path p : paths) {
                cmd.add("--proto_path=" + p);
            }
            cmd.add("--proto_path=" + home.resolve("include"));
            cmd.addAll(names);
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new GrpcException("protoc did not finish within 60s compiling " + files);
            }
            if (process.exitValue() != 0) {
                throw new GrpcException(output.isEmpty() ? "protoc failed on " + files : output);
            }
            return FileDescriptorSet.parseFrom(Files.readAllBytes(out));
        } catch (IOException e) {
            throw new GrpcException("can't compile " + files + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GrpcException("interrupted compiling " + files, e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /**
     * The name protoc knows {@code file} by: as given when it is relative (protoc looks it up in
     * the import paths), else relative to the import path holding it, else its own directory is
     * added as an import path.
     */
    private static String nameWithin(List<Path> paths, String file) {
        Path p = Path.of(file);
        if (!p.isAbsolute()) {
            return file;
        }
        for (Path root : paths) {
            if (p.startsWith(root.toAbsolutePath())) {
                return root.toAbsolutePath().relativize(p).toString();
            }
        }
        paths.add(p.getParent());
        return p.getFileName().toString();
    }

    private Path unpack() throws GrpcException {
        lock.lock();
        try {
            if (unpacked == null) {
                unpacked = unpackInto(cacheRoot.resolve("protoc-" + VERSION + "-" + platform()));
            }
            return unpacked;
        } catch (IOException e) {
            throw new GrpcException("can't unpack protoc into " + cacheRoot + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static Path unpackInto(Path dir) throws IOException, GrpcException {
        Path protoc = dir.resolve("protoc");
        if (Files.isExecutable(protoc) && Files.exists(dir.resolve("include/google/protobuf/wrappers.proto"))) {
            return dir;
        }
        String platform = platform();
        Files.createDirectories(dir.getParent());
        Path staging = Files.createTempDirectory(dir.getParent(), "protoc-unpack");
        try (InputStream exe = ProtoCompiler.class.getResourceAsStream("protoc/protoc-" + platform + ".exe")) {
            if (exe == null) {
                throw new GrpcException("no protoc for " + platform + " in this build: use client.loadProtoset() or "
                        + "connect with { reflect: true } instead of client.load()");
            }
            Files.copy(exe, staging.resolve("protoc"));
        }
        if (!staging.resolve("protoc").toFile().setExecutable(true)) {
            throw new IOException("can't make " + staging.resolve("protoc") + " executable");
        }
        Path include = Files.createDirectories(staging.resolve("include/google/protobuf"));
        for (String name : WELL_KNOWN) {
            try (InputStream in = com.google.protobuf.Any.class.getResourceAsStream(
                    "/google/protobuf/" + name + ".proto")) {
                if (in != null) {
                    Files.copy(in, include.resolve(name + ".proto"));
                }
            }
        }
        try {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(staging); // another process unpacked it first
        }
        return dir;
    }

    private static String platform() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch_64" : arch;
        String o = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.contains("win") ? "windows" : os;
        return o + "-" + a;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
