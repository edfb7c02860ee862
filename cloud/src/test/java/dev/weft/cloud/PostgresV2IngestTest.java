package dev.weft.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The v2 ingest contract against a real PostgreSQL; skips where its binaries are missing. */
class PostgresV2IngestTest extends V2IngestContract {
    static PostgresCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PostgresCluster.startOrSkip();
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
