package dev.weft.cloud;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Run logs on the embedded H2 database. */
class H2RunLogsTest extends RunLogsContract {
    @TempDir
    Path dir;

    @Override
    String newDatabase() {
        return ServiceConfig.defaultJdbcUrl(dir);
    }
}
