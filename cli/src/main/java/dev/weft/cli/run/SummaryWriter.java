package dev.weft.cli.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cli.GlobalEnv;
import dev.weft.lifecycle.StageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs handleSummary and writes what it returns, as k6 does: "stdout" and "stderr" to those
 * streams, every other key to a file of that path. If handleSummary fails, the default text
 * summary is printed instead and the error logged.
 */
final class SummaryWriter {
    private final GlobalEnv global;
    private final ConsoleLog console;

    SummaryWriter(GlobalEnv global, ConsoleLog console) {
        this.global = global;
        this.console = console;
    }

    /**
     * @param defaultText the summary the run prints without handleSummary (in the chosen mode),
     *                    printed instead when handleSummary fails
     */
    void write(SummaryHandler handler, JsonObject data, Supplier<String> defaultText) {
        String returned;
        try {
            returned = handler.handle(data.toString());
        } catch (StageException e) {
            console.system("error", "handleSummary() failed: " + e.getMessage());
            global.stdout().print("\n" + defaultText.get() + "\n\n");
            return;
        }
        if (returned == null) {
            return;
        }
        JsonElement parsed = JsonParser.parseString(returned);
        if (!parsed.isJsonObject()) {
            console.system("error", "handleSummary() must return an object of output names to contents");
            return;
        }
        for (Map.Entry<String, JsonElement> e : parsed.getAsJsonObject().entrySet()) {
            String text = e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString();
            switch (e.getKey()) {
                case "stdout" -> global.stdout().print(text);
                case "stderr" -> global.stderr().print(text);
                default -> writeFile(e.getKey(), text);
            }
        }
    }

    private void writeFile(String name, String text) {
        Path file = global.cwd().resolve(name);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            console.system("error", "handleSummary(): can't write " + name + ": " + e.getMessage());
        }
    }
}
