package dev.weft.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Run logs against a real PostgreSQL (skips where its binaries are missing). */
class PostgresRunLogsTest extends RunLogsContract {
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
    String newDatabase() throws Exception {
        return cluster.newDatabase();
    }

    @Override
    String dbUser() {
        return cluster.user();
    }

    @Override
    String dbPassword() {
        return "";
    }
}
