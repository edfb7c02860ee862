package dev.weft.cloud.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Web app sessions after a login form: a random cookie value mapped to its principal, in
 * memory (a service restart logs browsers out, which is fine for a self-hosted tool).
 * Thread-safe; called from request threads.
 */
public final class Sessions {
    public static final String COOKIE = "weft_session";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private record Session(Principal principal, long expiresAtMillis) { }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public String open(Principal principal) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        sessions.put(id, new Session(principal, clock.millis() + LIFETIME.toMillis()));
        return id;
    }

    public Optional<Principal> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null || s.expiresAtMillis() < clock.millis()) {
            if (s != null) {
                sessions.remove(id);
            }
            return Optional.empty();
        }
        return Optional.of(s.principal());
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }
}
