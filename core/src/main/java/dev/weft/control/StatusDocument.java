package dev.weft.control;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

/**
 * k6's {@code /v1/status} body, a JSON:API document: {@code {"data": {"type": "status", "id":
 * "default", "attributes": {"status", "paused", "vus", "vus-max", "stopped", "running",
 * "tainted"}}}}. Reads the changes a PATCH asks for and writes the current status.
 */
final class StatusDocument {
    /** What a PATCH asked to change; null fields are left alone. */
    record Change(Boolean paused, Integer vus, Integer vusMax, boolean stop) {
    }

    private StatusDocument() {
    }

    static JsonObject of(ControlSurface surface) {
        JsonObject attributes = new JsonObject();
        attributes.addProperty("status", surface.status().code());
        attributes.addProperty("paused", surface.paused());
        attributes.addProperty("vus", surface.activeVus());
        attributes.addProperty("vus-max", surface.vusMax());
        attributes.addProperty("stopped", surface.stopped());
        attributes.addProperty("running", surface.running());
        attributes.addProperty("tainted", surface.tainted());
        JsonObject data = new JsonObject();
        data.addProperty("type", "status");
        data.addProperty("id", "default");
        data.add("attributes", attributes);
        JsonObject doc = new JsonObject();
        doc.add("data", data);
        return doc;
    }

    /** Parses a PATCH body; throws IllegalArgumentException when it isn't a status document. */
    static Change parse(String body) {
        JsonObject attributes;
        try {
            JsonElement root = JsonParser.parseString(body);
            attributes = root.getAsJsonObject().getAsJsonObject("data").getAsJsonObject("attributes");
        } catch (JsonSyntaxException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("expected {\"data\": {\"attributes\": {...}}}: " + e.getMessage());
        }
        if (attributes == null) {
            throw new IllegalArgumentException("expected {\"data\": {\"attributes\": {...}}}");
        }
        try {
            return new Change(bool(attributes, "paused"), integer(attributes, "vus"), integer(attributes, "vus-max"),
                    Boolean.TRUE.equals(bool(attributes, "stopped")));
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException("bad status attribute: " + e.getMessage());
        }
    }

    private static Boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsBoolean();
    }

    private static Integer integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsInt();
    }
}
