package dev.weft.output.json;

import dev.weft.output.Output;
import dev.weft.output.OutputFactory;
import dev.weft.output.OutputParams;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * {@code --out json[=file]}: no file or {@code -} writes to stdout; relative paths are resolved
 * against the working directory. The CLI creates one per {@code --out json} before the test.
 */
public final class JsonOutputFactory implements OutputFactory {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public Output create(OutputParams params) {
        String arg = params.argument() == null ? "" : params.argument().trim();
        Path file = arg.isEmpty() || arg.equals("-") ? null : resolve(params.workingDir(), arg);
        return new JsonOutput(file, params.stdout(), params.thresholds(), ZoneId.systemDefault());
    }

    private static Path resolve(Path workingDir, String arg) {
        Path p = Path.of(arg);
        return workingDir == null || p.isAbsolute() ? p : workingDir.resolve(p);
    }
}
