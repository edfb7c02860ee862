package dev.weft.cloud.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway's migrations on a real H2 file database, including a start stopped midway. */
class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void aMigrationLeftHalfAppliedByAStoppedStartIsFinishedByTheNextStart() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        assertThat(Migrations.migrate(url, "sa", "")).isGreaterThanOrEqualTo(6);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            // H2's DDL commits as it goes: a start stopped after the tables but before the history rows
            s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('5', '6', '7')");
        }

        assertThat(Migrations.migrate(url, "sa", "")).isEqualTo(3);

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(6);
        }
        assertThat(Migrations.migrate(url, "sa", "")).isZero();
    }
}
