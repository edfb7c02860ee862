package dev.weft.cli.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.weft.options.OptionsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * k6's JSON config file ({@code --config} / {@code -c}, or {@code K6_CONFIG}): a JSON object of
 * options, the layer between the defaults and the script's options, plus k6's {@code "out"}
 * list and {@code "webDashboard"} switch. Keys k6 keeps there that are not options
 * ({@code collectors}) are ignored. Read once.
 *
 * @param options      the options layer
 * @param outputs      the file's {@code "out"} entries, used when no --out flag is given
 * @param webDashboard the file's {@code "webDashboard": true} (K6_WEB_DASHBOARD overrides it, as in k6)
 */
public record ConfigFile(JsonObject options, List<String> outputs, boolean webDashboard) {
    public static final ConfigFile NONE = new ConfigFile(new JsonObject(), List.of(), false);

    static ConfigFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new OptionsException("config file " + file + " doesn't exist");
        } catch (IOException e) {
            throw new OptionsException("can't read config file " + file + ": " + e.getMessage());
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new OptionsException("config file " + file + " is not valid JSON: " + e.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new OptionsException("config file " + file + " must hold a JSON object of options");
        }
        JsonObject options = root.getAsJsonObject().deepCopy();
        List<String> outputs = new ArrayList<>();
        JsonElement out = options.remove("out");
        if (out != null && out.isJsonArray()) {
            out.getAsJsonArray().forEach(e -> outputs.add(e.getAsString()));
        } else if (out != null && out.isJsonPrimitive()) {
            outputs.add(out.getAsString());
        }
        options.remove("collectors");
        JsonElement dashboard = options.remove("webDashboard");
        boolean webDashboard = dashboard != null && dashboard.isJsonPrimitive()
                && dashboard.getAsJsonPrimitive().isBoolean() && dashboard.getAsBoolean();
        return new ConfigFile(options, outputs, webDashboard);
    }
}
