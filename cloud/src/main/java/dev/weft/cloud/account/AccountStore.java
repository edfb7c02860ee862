package dev.weft.cloud.account;

import dev.weft.cloud.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;

/**
 * Organisations, users and API tokens in the database. Called from request threads and at
 * start-up; thread-safe (all state is in the database).
 */
public final class AccountStore {
    private final Database db;
    private final Passwords passwords;
    private final ApiTokens tokens = new ApiTokens();
    private final Clock clock;
    private volatile String decoyHash;

    public AccountStore(Database db, Passwords passwords, Clock clock) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
        // the decoy hash for unknown emails is ready before the first login needs it
        Thread.ofVirtual().name("weft-cloud-decoy-hash").start(this::decoyHash);
    }

    /** The organisation's id, creating it when it does not exist. */
    public long organisation(String name) throws SQLException {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM organisations WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            return insert(c, "INSERT INTO organisations (name, created_at) VALUES (?, ?)", name, clock.millis());
        });
    }

    /** Creates a user, or sets a new password when the email is already known. */
    public Principal createUser(long orgId, String email, String password) throws SQLException {
        String hash = passwords.hash(password);
        return db.inTransaction(c -> {
            Optional<long[]> existing = userRow(c, email);
            if (existing.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
                    ps.setString(1, hash);
                    ps.setLong(2, existing.get()[0]);
                    ps.executeUpdate();
                }
                return new Principal(existing.get()[1], existing.get()[0], email);
            }
            long id = insert(c, "INSERT INTO users (org_id, email, password_hash, created_at) VALUES (?, ?, ?, ?)",
                    orgId, email, hash, clock.millis());
            return new Principal(orgId, id, email);
        });
    }

    /** Makes a new API token for the principal and returns it in plain text (shown only now). */
    public String createToken(Principal principal) throws SQLException {
        String token = tokens.newToken();
        db.inTransaction(c -> insert(c, "INSERT INTO api_tokens (org_id, user_id, token_hash, created_at) VALUES (?, ?, ?, ?)",
                principal.orgId(), principal.userId(), ApiTokens.digest(token), clock.millis()));
        return token;
    }

    /**
     * Registers a token chosen outside the service (a Kubernetes Secret shared with the runners)
     * for the principal; nothing happens when it is registered already. It must be 32 to 200
     * characters, so it is as hard to guess as one the service makes.
     */
    public void addToken(Principal principal, String token) throws SQLException {
        if (token == null || token.length() < 32 || token.length() > 200 || !token.equals(token.strip())) {
            throw new IllegalArgumentException("a token must have 32 to 200 characters and no surrounding spaces");
        }
        if (byToken(token).isPresent()) {
            return;
        }
        db.inTransaction(c -> insert(c, "INSERT INTO api_tokens (org_id, user_id, token_hash, created_at) VALUES (?, ?, ?, ?)",
                principal.orgId(), principal.userId(), ApiTokens.digest(token), clock.millis()));
    }

    public Optional<Principal> byToken(String token) throws SQLException {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.org_id, t.user_id, u.email FROM api_tokens t "
                    + "LEFT JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?")) {
                ps.setString(1, ApiTokens.digest(token));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long userId = rs.getLong(2);
                    return Optional.of(new Principal(rs.getLong(1), rs.wasNull() ? null : userId, rs.getString(3)));
                }
            }
        });
    }

    /** The user when the password is right; slow on purpose (PBKDF2). */
    public Optional<Principal> byPassword(String email, String password) throws SQLException {
        if (email == null || password == null) {
            return Optional.empty();
        }
        record Row(long id, long orgId, String hash) { }
        Optional<Row> row = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, org_id, password_hash FROM users WHERE email = ?")) {
                ps.setString(1, email);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3))) : Optional.empty();
                }
            }
        });
        if (row.isEmpty()) {
            // The same PBKDF2 work as for a known account, so the answer's timing does not tell
            // which emails have accounts.
            passwords.matches(password, decoyHash());
            return Optional.empty();
        }
        if (!passwords.matches(password, row.get().hash())) {
            return Optional.empty();
        }
        return Optional.of(new Principal(row.get().orgId(), row.get().id(), email));
    }

    private String decoyHash() {
        String h = decoyHash;
        if (h == null) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            h = passwords.hash(java.util.HexFormat.of().formatHex(random));
            decoyHash = h;
        }
        return h;
    }

    public boolean hasAnyUser() throws SQLException {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    public Optional<Principal> byEmail(String email) throws SQLException {
        return db.read(c -> userRow(c, email).map(r -> new Principal(r[1], r[0], email)));
    }

    private static Optional<long[]> userRow(Connection c, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, org_id FROM users WHERE email = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new long[] {rs.getLong(1), rs.getLong(2)}) : Optional.empty();
            }
        }
    }

    private static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
