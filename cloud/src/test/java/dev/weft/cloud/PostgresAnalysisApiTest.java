package dev.weft.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The analysis API contract against a real PostgreSQL; skips where its binaries are missing. */
class PostgresAnalysisApiTest extends AnalysisApiContract {
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
