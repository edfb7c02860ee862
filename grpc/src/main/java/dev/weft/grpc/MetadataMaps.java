package dev.weft.grpc;

import io.grpc.Metadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Metadata between grpc-java's {@link Metadata} and the plain maps k6 scripts see. */
final class MetadataMaps {
    private MetadataMaps() {
    }

    static Metadata toMetadata(Map<String, List<String>> map) {
        Metadata md = new Metadata();
        map.forEach((key, values) -> {
            String k = key.toLowerCase(java.util.Locale.ROOT);
            for (String v : values) {
                if (k.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                    md.put(Metadata.Key.of(k, Metadata.BINARY_BYTE_MARSHALLER), v.getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    md.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v);
                }
            }
        });
        return md;
    }

    /**
     * Every key but pseudo-headers and grpc-go's reserved ones, as k6 shows them (content-type
     * and grpc-accept-encoding included); binary values as ISO-8859-1 text.
     */
    static Map<String, List<String>> toMap(Metadata md) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (md == null) {
            return m;
        }
        for (String k : md.keys()) {
            if (reserved(k)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            if (k.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                for (byte[] b : md.getAll(Metadata.Key.of(k, Metadata.BINARY_BYTE_MARSHALLER))) {
                    values.add(new String(b, StandardCharsets.ISO_8859_1));
                }
            } else {
                md.getAll(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER)).forEach(values::add);
            }
            m.put(k, values);
        }
        return m;
    }

    private static boolean reserved(String k) {
        return k.startsWith(":") || switch (k) {
            case "grpc-status", "grpc-message", "grpc-encoding", "grpc-timeout", "grpc-message-type", "te" -> true;
            default -> false;
        };
    }
}
