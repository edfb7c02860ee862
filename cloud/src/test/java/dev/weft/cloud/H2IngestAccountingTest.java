package dev.weft.cloud;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Ingest accounting against the embedded H2 database (the default). */
class H2IngestAccountingTest extends IngestAccountingContract {
    @TempDir
    Path dir;

    @Override
    String newDatabase() {
        return ServiceConfig.defaultJdbcUrl(dir);
    }
}
