package dev.weft.cloud;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Shared runs against the embedded H2 database (the default). */
class H2JoinedRunsTest extends JoinedRunsContract {
    @TempDir
    Path dir;

    @Override
    String newDatabase() {
        return ServiceConfig.defaultJdbcUrl(dir);
    }
}
