package dev.weft.cloud;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The v2 ingest contract against a real PostgreSQL; skips where its binaries are missing. */
class PostgresV2IngestTest extends V2IngestContract {
    static PostgresCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        Optional<Path> bin = PostgresCluster.binaries();
        assumeTrue(bin.isPresent(), "PostgreSQL binaries (initdb, pg_ctl) not found; "
                + "install the postgresql package to run the PostgreSQL tests");
        cluster = PostgresCluster.start(bin.get());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    String[] newDatabase() throws Exception {
        return new String[] {cluster.newDatabase(), cluster.user(), ""};
    }
}
