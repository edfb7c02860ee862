package dev.weft.output.csv;

import dev.weft.output.Output;
import dev.weft.output.OutputFactory;
import dev.weft.output.OutputParams;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * {@code --out csv[=file | =fileName=..,timeFormat=..]}: the file name {@code -} writes to
 * stdout; relative paths are resolved against the working directory. The CLI creates one per
 * {@code --out csv} before the test.
 */
public final class CsvOutputFactory implements OutputFactory {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public Output create(OutputParams params) {
        CsvConfig config = CsvConfig.from(params.env(), params.argument());
        Path file = null;
        if (!config.fileName().equals("-")) {
            Path p = Path.of(config.fileName());
            file = params.workingDir() == null || p.isAbsolute() ? p : params.workingDir().resolve(p);
        }
        return new CsvOutput(file, params.stdout(), config.timeFormat(), ZoneId.systemDefault());
    }
}
