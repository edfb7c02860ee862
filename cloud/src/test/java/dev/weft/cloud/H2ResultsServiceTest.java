package dev.weft.cloud;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The service contract against the embedded H2 database (the default). */
class H2ResultsServiceTest extends ResultsServiceContract {
    @TempDir
    Path dir;

    @Override
    String newDatabase() {
        return ServiceConfig.defaultJdbcUrl(dir);
    }
}
