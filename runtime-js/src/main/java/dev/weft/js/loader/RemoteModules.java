package dev.weft.js.loader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Remote module imports ({@code import x from 'https://jslib.k6.io/...'}) for one test. A URL
 * is served, in order, from Weft's local stand-ins ({@link JslibShims}), an archive's bundled
 * copy, the on-disk cache ({@code <cache>/<sha256 of URL>}), or fetched once with the JDK
 * HttpClient and written to the cache. Modules load only in init code, so fetches happen
 * there. Thread-safe: VUs initialise in parallel, and one lock keeps a URL from being fetched
 * twice.
 */
public final class RemoteModules {
    private final LoaderOptions options;
    private final JslibShims shims = new JslibShims();
    private final ConcurrentHashMap<String, byte[]> loaded = new ConcurrentHashMap<>();
    private final ReentrantLock fetchLock = new ReentrantLock();
    private HttpClient client;

    public RemoteModules(LoaderOptions options) {
        this.options = options;
    }

    /** The module's source bytes; an {@link IOException} says why there are none. */
    public byte[] read(URI url) throws IOException {
        String key = url.toString();
        byte[] known = loaded.get(key);
        if (known != null) {
            return known;
        }
        byte[] shim = shims.source(key);
        if (shim != null) {
            return shim;
        }
        fetchLock.lock();
        try {
            known = loaded.get(key);
            if (known == null) {
                known = locate(url);
                loaded.put(key, known);
            }
            return known;
        } finally {
            fetchLock.unlock();
        }
    }

    /** Remote modules this test loaded (stand-ins excluded), URL to bytes, for archives. */
    public Map<String, byte[]> loaded() {
        return new TreeMap<>(loaded);
    }

    private byte[] locate(URI url) throws IOException {
        if (options.bundledRemote() != null) {
            Path bundled = options.bundledRemote().resolve("https")
                    .resolve(url.getRawAuthority() + url.getRawPath()).normalize();
            if (Files.isRegularFile(bundled)) {
                return Files.readAllBytes(bundled);
            }
        }
        Path cached = cacheFile(url);
        if (Files.isRegularFile(cached)) {
            return Files.readAllBytes(cached);
        }
        byte[] body;
        try {
            body = fetch(url);
        } catch (IOException e) {
            throw new IOException("can't fetch " + url + ": " + reason(e) + "; no cached copy", e);
        }
        store(cached, body);
        return body;
    }

    /** Where the cached copy of {@code url} lives. */
    public Path cacheFile(URI url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return options.moduleCache().resolve(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] fetch(URI url) throws IOException {
        if (client == null) {
            client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(options.fetchTimeout()).build();
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(options.fetchTimeout())
                .header("User-Agent", "weft (k6 script compatible)").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP status " + response.statusCode());
        }
        return response.body();
    }

    /** Writes through a temporary file so a half-written copy is never served. */
    private static void store(Path cached, byte[] body) {
        try {
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), "fetch", ".tmp");
            Files.write(tmp, body);
            Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // an unwritable cache only costs a fetch next time
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
            if (e.getCause() != null && e.getCause().getMessage() != null) {
                m += " (" + e.getCause().getMessage() + ")";
            }
        }
        return m;
    }
}
