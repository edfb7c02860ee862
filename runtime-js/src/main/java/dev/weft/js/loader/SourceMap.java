package dev.weft.js.loader;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A source map (version 3) decoded from its Base64 VLQ {@code mappings}, to turn a place in
 * generated code back into the original file, line and column. Immutable after decoding;
 * built when an error is reported from a file that carries an inline map.
 */
public final class SourceMap {
    private static final String MARKER = "//# sourceMappingURL=data:application/json";

    private final List<String> sources;
    private final List<int[][]> lines;

    private SourceMap(List<String> sources, List<int[][]> lines) {
        this.sources = sources;
        this.lines = lines;
    }

    /**
     * A place in the original source.
     *
     * @param source the original file as the map names it
     * @param line   1-based
     * @param column 1-based
     */
    public record Position(String source, int line, int column) {
    }

    /** The inline map at the end of {@code generated}, when there is a readable one. */
    public static Optional<SourceMap> inline(CharSequence generated) {
        String text = generated.toString();
        int at = text.lastIndexOf(MARKER);
        if (at < 0) {
            return Optional.empty();
        }
        int comma = text.indexOf(',', at);
        int end = text.indexOf('\n', at);
        if (comma < 0 || (end >= 0 && comma > end)) {
            return Optional.empty();
        }
        String header = text.substring(at, comma);
        String payload = text.substring(comma + 1, end < 0 ? text.length() : end).trim();
        try {
            String json = header.endsWith(";base64")
                    ? new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8)
                    : java.net.URLDecoder.decode(payload, StandardCharsets.UTF_8);
            return Optional.of(parse(json));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Decodes a source map's JSON text. */
    public static SourceMap parse(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        List<String> sources = new ArrayList<>();
        JsonArray s = o.getAsJsonArray("sources");
        String root = o.has("sourceRoot") && !o.get("sourceRoot").isJsonNull() ? o.get("sourceRoot").getAsString() : "";
        for (int i = 0; s != null && i < s.size(); i++) {
            sources.add(root + s.get(i).getAsString());
        }
        return new SourceMap(sources, decode(o.get("mappings").getAsString()));
    }

    /** Segments per generated line: {genColumn, sourceIndex, origLine, origColumn}, all 0-based. */
    private static List<int[][]> decode(String mappings) {
        List<int[][]> lines = new ArrayList<>();
        int source = 0;
        int origLine = 0;
        int origCol = 0;
        for (String line : mappings.split(";", -1)) {
            List<int[]> segments = new ArrayList<>();
            int genCol = 0;
            for (String seg : line.split(",")) {
                if (seg.isEmpty()) {
                    continue;
                }
                int[] v = Vlq.decode(seg);
                genCol += v[0];
                if (v.length >= 4) {
                    source += v[1];
                    origLine += v[2];
                    origCol += v[3];
                    segments.add(new int[] {genCol, source, origLine, origCol});
                }
            }
            lines.add(segments.toArray(int[][]::new));
        }
        return lines;
    }

    /** The original place of a generated line and column (both 1-based), if the map covers it. */
    public Optional<Position> original(int line, int column) {
        if (line < 1 || line > lines.size()) {
            return Optional.empty();
        }
        int[][] segs = lines.get(line - 1);
        int[] best = null;
        for (int[] seg : segs) {
            if (seg[0] <= column - 1) {
                best = seg;
            } else {
                break;
            }
        }
        if (best == null && segs.length > 0) {
            best = segs[0];
        }
        if (best == null || best[1] >= sources.size()) {
            return Optional.empty();
        }
        return Optional.of(new Position(sources.get(best[1]), best[2] + 1, best[3] + 1));
    }

    /** Base64 VLQ as source maps use it. */
    static final class Vlq {
        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        private Vlq() {
        }

        static int[] decode(String segment) {
            List<Integer> values = new ArrayList<>();
            int value = 0;
            int shift = 0;
            for (int i = 0; i < segment.length(); i++) {
                int digit = ALPHABET.indexOf(segment.charAt(i));
                if (digit < 0) {
                    throw new IllegalArgumentException("bad VLQ character in \"" + segment + "\"");
                }
                value += (digit & 31) << shift;
                if ((digit & 32) != 0) {
                    shift += 5;
                } else {
                    boolean negative = (value & 1) == 1;
                    value >>>= 1;
                    values.add(negative ? -value : value);
                    value = 0;
                    shift = 0;
                }
            }
            return values.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
