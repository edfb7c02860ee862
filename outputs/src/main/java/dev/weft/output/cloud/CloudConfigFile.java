package dev.weft.output.cloud;

import com.google.gson.JsonObject;
import dev.weft.cloud.wire.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The file {@code login cloud} stores the token in: {@code $XDG_CONFIG_HOME/weft/cloud.json},
 * else {@code ~/.config/weft/cloud.json}; owner-only (0600) because it holds a secret.
 * Called from the CLI's thread at login and at output creation.
 */
public final class CloudConfigFile {
    private CloudConfigFile() {
    }

    /** What the file holds; fields are null when absent. */
    public record Contents(String token, String host) {
    }

    public static Path location(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank()) {
            base = Path.of(xdg);
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            base = Path.of(home, ".config");
        }
        return base.resolve("weft").resolve("cloud.json");
    }

    public static Contents read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new Contents(null, null);
        }
        JsonObject o = WireJson.GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
        if (o == null) {
            return new Contents(null, null);
        }
        return new Contents(o.has("token") ? o.get("token").getAsString() : null,
                o.has("host") ? o.get("host").getAsString() : null);
    }

    /** Writes the file atomically with mode 0600 (where the file system has POSIX modes). */
    public static void write(Path file, Contents contents) throws IOException {
        Files.createDirectories(file.getParent());
        JsonObject o = new JsonObject();
        if (contents.token() != null) {
            o.addProperty("token", contents.token());
        }
        if (contents.host() != null) {
            o.addProperty("host", contents.host());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            try {
                Files.createFile(tmp);
            } catch (FileAlreadyExistsException ignored) {
                // deleted above; a racing login wrote it, we overwrite
            }
        }
        Files.writeString(tmp, WireJson.GSON.toJson(o) + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        if (posix) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
