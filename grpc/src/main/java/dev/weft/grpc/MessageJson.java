package dev.weft.grpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/**
 * Messages to and from protojson, as k6 converts them: JSON field names (lowerCamelCase; proto
 * names are accepted when parsing), 64-bit integers as strings, enums by name, bytes as base64,
 * every field printed, with {@code null} for an unset field that has presence (a message field,
 * a proto2 optional) outside oneofs, as Go's protojson does with EmitUnpopulated. Immutable.
 */
public final class MessageJson {
    private final JsonFormat.Parser parser;
    private final JsonFormat.Printer printer;

    MessageJson(JsonFormat.TypeRegistry registry) {
        this.parser = JsonFormat.parser().usingTypeRegistry(registry);
        this.printer = JsonFormat.printer().usingTypeRegistry(registry).alwaysPrintFieldsWithNoPresence()
                .omittingInsignificantWhitespace();
    }

    /** A message of {@code type} from JSON text; throws with k6's wording when it does not fit. */
    public DynamicMessage parse(Descriptor type, String json) throws GrpcException {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        try {
            String wrong = JsonTypes.firstMismatch(type, JsonParser.parseString(json));
            if (wrong != null) {
                throw new GrpcException("unable to serialise request object to protocol buffer: proto: " + wrong);
            }
            parser.merge(json, b);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new GrpcException("unable to serialise request object to protocol buffer: " + e.getMessage(), e);
        }
        return b.build();
    }

    /** The message as JSON text. */
    public String print(Message m) throws GrpcException {
        try {
            JsonElement tree = JsonParser.parseString(printer.print(m));
            addNulls(m, tree);
            return tree.toString();
        } catch (InvalidProtocolBufferException e) {
            throw new GrpcException("unable to convert response object to JSON: " + e.getMessage(), e);
        }
    }

    private static void addNulls(Message m, JsonElement tree) {
        Descriptor d = m.getDescriptorForType();
        if (!tree.isJsonObject() || d.getFile().getPackage().equals("google.protobuf")) {
            return; // well-known types have their own JSON forms
        }
        JsonObject o = tree.getAsJsonObject();
        for (FieldDescriptor f : d.getFields()) {
            if (f.getContainingOneof() == null && f.hasPresence() && !m.hasField(f)) {
                o.add(f.getJsonName(), JsonNull.INSTANCE);
                continue;
            }
            if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE || !o.has(f.getJsonName())) {
                continue;
            }
            JsonElement e = o.get(f.getJsonName());
            if (f.isMapField()) {
                FieldDescriptor valueField = f.getMessageType().findFieldByName("value");
                if (valueField.getJavaType() == FieldDescriptor.JavaType.MESSAGE && e.isJsonObject()) {
                    for (Object entry : (java.util.List<?>) m.getField(f)) {
                        Message em = (Message) entry;
                        Object key = em.getField(em.getDescriptorForType().findFieldByName("key"));
                        JsonElement v = e.getAsJsonObject().get(String.valueOf(key));
                        if (v != null) {
                            addNulls((Message) em.getField(valueField), v);
                        }
                    }
                }
            } else if (f.isRepeated()) {
                if (e.isJsonArray()) {
                    JsonArray a = e.getAsJsonArray();
                    for (int i = 0; i < a.size() && i < m.getRepeatedFieldCount(f); i++) {
                        addNulls((Message) m.getRepeatedField(f, i), a.get(i));
                    }
                }
            } else {
                addNulls((Message) m.getField(f), e);
            }
        }
    }
}
