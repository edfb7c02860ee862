package dev.weft.cli.archive;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A k6 archive in memory: {@code metadata.json} (type, options, filename, pwd, env,
 * compatibilityMode, k6version), {@code data} (the main script) and the files under {@code
 * file/} (local, by absolute path, home directories anonymised to {@code /home/nobody} as k6
 * does) and {@code https/} (remote modules, by host and path). Built by {@code weft archive},
 * read by {@code weft run}; single-threaded.
 *
 * @param metadata the metadata.json object
 * @param data     the main script's bytes
 * @param files    archive path (e.g. {@code file/home/nobody/t/lib.js}) to bytes
 */
public record Archive(JsonObject metadata, byte[] data, Map<String, byte[]> files) {
    private static final Pattern HOME = Pattern.compile("^(/[a-zA-Z])?/(Users|home|Documents and Settings)/[^/]+");

    /** k6's path anonymisation: the user's home folder name becomes "nobody". */
    static String anonymise(Path path) {
        return HOME.matcher(path.toAbsolutePath().normalize().toString().replace('\\', '/'))
                .replaceFirst("$1/$2/nobody");
    }

    /** Builds the archive of a loaded script. */
    public static Archive build(Path script, byte[] scriptBytes, Map<Path, byte[]> localFiles,
            Map<String, byte[]> remoteModules, JsonObject options, Map<String, String> env,
            String compatibilityMode, String version) {
        String scriptName = anonymise(script);
        JsonObject meta = new JsonObject();
        meta.addProperty("type", "js");
        meta.add("options", options);
        meta.addProperty("filename", "file://" + scriptName);
        meta.addProperty("pwd", "file://" + anonymise(script.toAbsolutePath().getParent()));
        JsonObject envJson = new JsonObject();
        env.forEach(envJson::addProperty);
        meta.add("env", envJson);
        meta.addProperty("compatibilityMode", compatibilityMode);
        meta.addProperty("k6version", version);
        meta.addProperty("goos", "linux");
        Map<String, byte[]> files = new TreeMap<>();
        localFiles.forEach((p, b) -> files.put("file" + anonymise(p), b));
        remoteModules.forEach((url, b) -> {
            URI u = URI.create(url);
            files.put("https/" + u.getRawAuthority() + u.getRawPath(), b);
        });
        files.put("file" + scriptName, scriptBytes);
        return new Archive(meta, scriptBytes, files);
    }

    /** The main script's path inside the archive, e.g. {@code file/home/nobody/t/script.js}. */
    public String scriptEntry() {
        String filename = metadata.get("filename").getAsString();
        URI u = URI.create(filename.replace(" ", "%20"));
        String path = u.getScheme() == null ? filename : u.getPath();
        String scheme = u.getScheme() == null ? "file" : u.getScheme();
        return scheme + (path.startsWith("/") ? "" : "/") + path;
    }

    public void write(OutputStream out) throws IOException {
        List<TarEntry> entries = new ArrayList<>();
        byte[] meta = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(metadata)
                .getBytes(StandardCharsets.UTF_8);
        entries.add(TarEntry.file("metadata.json", meta));
        entries.add(TarEntry.file("data", data));
        TreeSet<String> dirs = new TreeSet<>();
        for (String name : files.keySet()) {
            for (int i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
                dirs.add(name.substring(0, i));
            }
        }
        dirs.forEach(d -> entries.add(new TarEntry(d, '5', "", new byte[0])));
        String main = scriptEntry();
        files.forEach((name, bytes) -> entries.add(name.equals(main)
                ? new TarEntry(name, '1', "data", new byte[0]) : TarEntry.file(name, bytes)));
        Tar.write(out, entries, System.currentTimeMillis() / 1000);
    }

    /** True when the file is a tar (by its header), so {@code weft run} treats it as an archive. */
    public static boolean isArchive(Path file) {
        try (var in = Files.newInputStream(file)) {
            return Tar.looksLikeTar(in.readNBytes(512));
        } catch (IOException e) {
            return false;
        }
    }

    public static Archive read(Path file) throws IOException {
        List<TarEntry> entries = Tar.read(new ByteArrayInputStream(Files.readAllBytes(file)));
        JsonObject meta = null;
        byte[] data = null;
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (TarEntry e : entries) {
            String name = e.name().startsWith("./") ? e.name().substring(2) : e.name();
            if (name.equals("metadata.json")) {
                try {
                    meta = JsonParser.parseString(new String(e.data(), StandardCharsets.UTF_8)).getAsJsonObject();
                } catch (JsonParseException | IllegalStateException ex) {
                    throw new IOException("metadata.json is not a JSON object: " + ex.getMessage());
                }
            } else if (name.equals("data")) {
                data = e.data();
            } else if (e.isFile()) {
                files.put(name, e.data());
            }
        }
        if (meta == null || data == null || !meta.has("filename")) {
            throw new IOException(file + " is not a k6 archive (no metadata.json or data)");
        }
        return new Archive(meta, data, files);
    }

    /**
     * Writes the archive's files under {@code dir} ({@code dir/file/...}, {@code dir/https/...})
     * and returns the main script's path there.
     */
    public Path extractTo(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            write(root, e.getKey(), e.getValue());
        }
        String main = scriptEntry();
        return write(root, main, data);
    }

    private static Path write(Path root, String name, byte[] bytes) throws IOException {
        Path target = root.resolve(name.replaceFirst("^/+", "")).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("archive member " + name + " points outside the archive");
        }
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        return target;
    }

    /** The options stored at archive time (nulls dropped, as k6 writes every option). */
    public JsonObject options() {
        JsonObject out = new JsonObject();
        JsonElement o = metadata.get("options");
        if (o != null && o.isJsonObject()) {
            o.getAsJsonObject().entrySet().forEach(e -> {
                if (!e.getValue().isJsonNull() && !(e.getValue().isJsonObject() && allNull(e.getValue().getAsJsonObject()))) {
                    out.add(e.getKey(), e.getValue());
                }
            });
        }
        return out;
    }

    private static boolean allNull(JsonObject o) {
        return o.entrySet().stream().allMatch(e -> e.getValue().isJsonNull());
    }

    /** The -e variables stored at archive time. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        JsonElement e = metadata.get("env");
        if (e != null && e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(x -> env.put(x.getKey(), x.getValue().getAsString()));
        }
        return env;
    }

    public String compatibilityMode() {
        JsonElement m = metadata.get("compatibilityMode");
        return m == null || m.isJsonNull() ? null : m.getAsString();
    }
}
