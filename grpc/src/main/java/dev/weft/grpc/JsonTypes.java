package dev.weft.grpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Map;

/**
 * The checks Go's protojson makes and JsonFormat's parser does not (it takes {@code 1} for a
 * string field), worded as protojson words them: a request that k6 refuses is refused here too.
 */
final class JsonTypes {
    private JsonTypes() {
    }

    /** The first value whose JSON type does not fit its field, in protojson's words; null when all fit. */
    static String firstMismatch(Descriptor type, JsonElement json) {
        if (!json.isJsonObject() || type.getFile().getPackage().equals("google.protobuf")) {
            return null; // the parser words other shapes itself; well-known types have their own JSON forms
        }
        for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
            FieldDescriptor f = type.findFieldByName(e.getKey());
            if (f == null) {
                f = type.getFields().stream().filter(x -> x.getJsonName().equals(e.getKey())).findFirst().orElse(null);
            }
            if (f == null) {
                return "unknown field \"" + e.getKey() + "\"";
            }
            JsonElement v = e.getValue();
            if (v.isJsonNull()) {
                continue;
            }
            String wrong;
            if (f.isMapField()) {
                wrong = v.isJsonObject() ? mapValues(f, v.getAsJsonObject()) : mismatch(f, v);
            } else if (f.isRepeated()) {
                wrong = v.isJsonArray() ? null : mismatch(f, v);
                if (wrong == null) {
                    for (JsonElement item : v.getAsJsonArray()) {
                        wrong = single(f, item);
                        if (wrong != null) {
                            break;
                        }
                    }
                }
            } else {
                wrong = single(f, v);
            }
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    private static String mapValues(FieldDescriptor f, JsonObject map) {
        FieldDescriptor value = f.getMessageType().findFieldByName("value");
        for (Map.Entry<String, JsonElement> e : map.entrySet()) {
            String wrong = single(value, e.getValue());
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    private static String single(FieldDescriptor f, JsonElement v) {
        if (v.isJsonNull()) {
            return null;
        }
        boolean primitive = v.isJsonPrimitive();
        boolean fits = switch (f.getJavaType()) {
            case STRING -> primitive && v.getAsJsonPrimitive().isString();
            case BOOLEAN -> primitive && v.getAsJsonPrimitive().isBoolean();
            case INT, LONG, FLOAT, DOUBLE -> primitive && !v.getAsJsonPrimitive().isBoolean();
            case BYTE_STRING -> primitive && v.getAsJsonPrimitive().isString();
            case ENUM -> primitive && !v.getAsJsonPrimitive().isBoolean();
            case MESSAGE -> true;
        };
        if (!fits) {
            return mismatch(f, v);
        }
        if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            return firstMismatch(f.getMessageType(), v);
        }
        return null;
    }

    private static String mismatch(FieldDescriptor f, JsonElement v) {
        String kind = switch (f.getType()) {
            case STRING -> "string";
            case BOOL -> "bool";
            case BYTES -> "bytes";
            case ENUM -> "enum " + f.getEnumType().getFullName();
            case MESSAGE, GROUP -> "message " + f.getMessageType().getFullName();
            default -> f.getType().name().toLowerCase(java.util.Locale.ROOT);
        };
        if (f.isMapField()) {
            kind = "map";
        } else if (f.isRepeated() && !v.isJsonArray()) {
            kind = "list";
        }
        return "invalid value for " + kind + " field " + f.getJsonName() + ": " + v;
    }
}
