package dev.weft.cloud.store;

import org.flywaydb.core.Flyway;

/**
 * Brings a database's schema up to date with Flyway from {@code db/migration} on the
 * classpath. Called once at service start, before any request is served.
 */
public final class Migrations {
    private Migrations() {
    }

    /** Applies pending migrations and returns how many ran. */
    public static int migrate(String url, String user, String password) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
