package dev.weft.cloud;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The v2 ingest contract against the embedded H2 database (the default). */
class H2V2IngestTest extends V2IngestContract {
    @TempDir
    Path dir;

    @Override
    String[] newDatabase() {
        return new String[] {ServiceConfig.defaultJdbcUrl(dir), null, null};
    }
}
