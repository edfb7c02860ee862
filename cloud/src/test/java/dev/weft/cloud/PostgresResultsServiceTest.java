package dev.weft.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The service contract against a real PostgreSQL (a private cluster per test class). Skips
 * with a message where the PostgreSQL binaries are missing; CI installs Debian's postgresql.
 */
class PostgresResultsServiceTest extends ResultsServiceContract {
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
