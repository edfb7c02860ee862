package dev.weft.js;

import dev.weft.js.loader.RemoteModules;
import dev.weft.js.loader.RemotePath;
import dev.weft.js.module.ModuleRegistry;
import dev.weft.js.module.Phase;
import dev.weft.js.module.VuScope;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.graalvm.polyglot.io.FileSystem;

/**
 * What a VU's context sees as its file system: read-only, where built-in module names
 * ({@code k6/http}) are files whose text re-exports the module, remote module URLs are paths
 * under {@link RemotePath#ROOT} served by {@link RemoteModules}, and script files come from
 * {@link ScriptFiles} (read from disk once per test, TypeScript stripped). Loading modules is
 * refused outside init code, as k6 does. One per VU context; used only by that VU's thread.
 */
final class ModuleFileSystem implements FileSystem {
    static final Path BUILTIN_ROOT = Path.of("/__weft_builtin__");

    private final FileSystem disk;
    private final ModuleRegistry modules;
    private final ScriptFiles files;
    private final Supplier<VuScope> scope;
    private final RemoteModules remote;

    /** {@code disk}: the read-only disk file system, shared by every VU's instance. */
    ModuleFileSystem(FileSystem disk, ModuleRegistry modules, ScriptFiles files, Supplier<VuScope> scope,
            RemoteModules remote) {
        this.disk = disk;
        this.modules = modules;
        this.files = files;
        this.scope = scope;
        this.remote = remote;
    }

    @Override
    public Path parsePath(URI uri) {
        if ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
            return RemotePath.toPath(uri);
        }
        return disk.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        if (RemotePath.isRemote(path)) {
            return RemotePath.toPath(URI.create(path));
        }
        if (modules.has(path)) {
            return BUILTIN_ROOT.resolve(path + ".js");
        }
        if (path.startsWith("k6/") || path.equals("k6")) {
            throw new IllegalArgumentException("unknown module \"" + path + "\"");
        }
        return disk.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        if (!path.startsWith(BUILTIN_ROOT) && !RemotePath.isRemote(path)) {
            disk.checkAccess(path, modes, options);
        }
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new IOException("scripts can't write files");
    }

    @Override
    public void delete(Path path) throws IOException {
        throw new IOException("scripts can't delete files");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        VuScope vu = scope.get();
        if (vu != null && vu.phase() != Phase.INIT) {
            throw new IOException("imports are only allowed in the init stage (outside of exported functions): "
                    + path);
        }
        if (path.startsWith(BUILTIN_ROOT)) {
            String file = BUILTIN_ROOT.relativize(path).toString();
            String name = file.substring(0, file.length() - 3);
            return new ReadOnlyChannel(files.builtin(name, () -> modules.moduleSource(name)));
        }
        if (RemotePath.isRemote(path)) {
            return new ReadOnlyChannel(remote.read(RemotePath.toUrl(path)));
        }
        byte[] bytes = files.module(path);
        if (bytes == null) {
            throw new NoSuchFileException(path.toString());
        }
        return new ReadOnlyChannel(bytes);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        throw new IOException("scripts can't list directories");
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return path.isAbsolute() ? path : files.baseDir().resolve(path).normalize();
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        if (path.startsWith(BUILTIN_ROOT) || RemotePath.isRemote(path)) {
            return path;
        }
        return disk.toRealPath(path, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        if (RemotePath.isRemote(path)) {
            return Map.of("isRegularFile", true, "isDirectory", false, "isSymbolicLink", false, "isOther", false);
        }
        return disk.readAttributes(path, attributes, options);
    }

    /**
     * Every import is an ES module in UTF-8, but a {@code .json} or {@code .wasm} one, whose type
     * is left to GraalJS (which would otherwise ask each language's file type detector, per import
     * of each VU, to end with the same answer).
     */
    @Override
    public String getMimeType(Path path) {
        Path name = path.getFileName();
        String file = name == null ? "" : name.toString();
        return file.endsWith(".json") || file.endsWith(".wasm") ? null : JsProgram.MODULE_MIME;
    }

    @Override
    public Charset getEncoding(Path path) {
        return StandardCharsets.UTF_8;
    }

    /** An in-memory, read-only byte channel. */
    private static final class ReadOnlyChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private int position;
        private boolean open = true;

        ReadOnlyChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = (int) newPosition;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
