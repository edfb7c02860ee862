package dev.weft.cloud.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service needs from a k6 archive (a tar whose {@code metadata.json} holds the test's
 * consolidated options): the thresholds, which a multipart create does not send as a field.
 * Reads ustar headers (and skips pax/GNU extension entries) without unpacking anything.
 * Stateless.
 */
final class ArchiveMetadata {
    private static final int BLOCK = 512;
    private static final int MAX_METADATA = 4 << 20;

    private ArchiveMetadata() {
    }

    /**
     * The thresholds of the archive's options, per metric their sources as the script wrote
     * them; an empty map when the archive has none; an {@link IllegalArgumentException} naming
     * the problem when it is no k6 archive.
     */
    static Map<String, List<String>> thresholds(byte[] tar) {
        JsonObject options = metadata(tar).getAsJsonObject("options");
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (options == null || !options.has("thresholds") || !options.get("thresholds").isJsonObject()) {
            return out;
        }
        for (Map.Entry<String, JsonElement> e : options.getAsJsonObject("thresholds").entrySet()) {
            List<String> sources = new ArrayList<>();
            JsonElement v = e.getValue();
            for (JsonElement t : v.isJsonArray() ? v.getAsJsonArray() : new com.google.gson.JsonArray()) {
                if (t.isJsonPrimitive()) {
                    sources.add(t.getAsString());
                } else if (t.isJsonObject() && t.getAsJsonObject().has("threshold")) {
                    sources.add(t.getAsJsonObject().get("threshold").getAsString());
                }
            }
            out.put(e.getKey(), sources);
        }
        return out;
    }

    private static JsonObject metadata(byte[] tar) {
        int at = 0;
        while (at + BLOCK <= tar.length) {
            if (isZero(tar, at)) {
                break;
            }
            String name = field(tar, at, 100);
            String prefix = field(tar, at + 345, 155);
            long size = octal(tar, at + 124, 12);
            char type = (char) tar[at + 156];
            int data = at + BLOCK;
            if (size < 0 || data + size > tar.length) {
                throw new IllegalArgumentException("archive entry '" + name + "' runs past the end of the tar");
            }
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            if ((type == '0' || type == 0) && (path.equals("metadata.json") || path.equals("./metadata.json"))) {
                if (size > MAX_METADATA) {
                    throw new IllegalArgumentException("the archive's metadata.json is larger than " + MAX_METADATA + " bytes");
                }
                JsonElement json = JsonParser.parseString(new String(tar, data, (int) size, StandardCharsets.UTF_8));
                if (!json.isJsonObject()) {
                    throw new IllegalArgumentException("the archive's metadata.json is not a JSON object");
                }
                return json.getAsJsonObject();
            }
            at = data + (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
        }
        throw new IllegalArgumentException("the archive has no metadata.json; is it a k6 archive?");
    }

    private static boolean isZero(byte[] b, int at) {
        for (int i = at; i < at + BLOCK; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] b, int at, int length) {
        int end = at;
        while (end < at + length && b[end] != 0) {
            end++;
        }
        return new String(b, at, end - at, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int at, int length) {
        String s = field(b, at, length).trim();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
