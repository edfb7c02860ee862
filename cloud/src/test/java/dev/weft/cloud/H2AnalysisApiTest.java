package dev.weft.cloud;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The analysis API contract on the embedded H2 database (the default). */
class H2AnalysisApiTest extends AnalysisApiContract {
    @TempDir
    Path dir;

    @Override
    String[] newDatabase() {
        return new String[] {ServiceConfig.defaultJdbcUrl(dir), null, null};
    }
}
