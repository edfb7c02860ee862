package dev.weft.cloud;

import dev.weft.cloud.account.Passwords;
import dev.weft.cloud.wire.CloudApi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ResultsService} runs. Build with {@link #defaults()} and the {@code with*}
 * methods; validated by {@link #validate()} at start.
 *
 * @param bindAddress          address to listen on (loopback unless told otherwise)
 * @param port                 TCP port; 0 picks a free one
 * @param jdbcUrl              H2 ({@code jdbc:h2:file:...}) or PostgreSQL ({@code jdbc:postgresql://...})
 * @param runTimeout           a Running run without data this long becomes Timed out (k6 cloud: 2 min)
 * @param sweepInterval        how often idle runs are looked for
 * @param liveInterval         how often the run page gets an update
 * @param maxBodyBytes         largest request body on the wire
 * @param maxDecompressedBytes largest gzip body once inflated
 * @param passwordIterations   PBKDF2 iterations for new password hashes
 * @param publicUrl            the URL users reach the service at (null: http://bind:port); when it is
 *                             https, session cookies are {@code Secure}
 * @param limits               the series budget and login throttling (see {@link ServiceLimits})
 */
public record ServiceConfig(String bindAddress, int port, String jdbcUrl, String dbUser, String dbPassword,
        Duration runTimeout, Duration sweepInterval, Duration liveInterval, int maxBodyBytes,
        int maxDecompressedBytes, int passwordIterations, String publicUrl, Clock clock, ServiceLimits limits) {

    public static String defaultJdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("weft-cloud").toString().replace('\\', '/');
    }

    public static ServiceConfig defaults() {
        return new ServiceConfig("127.0.0.1", CloudApi.DEFAULT_PORT, defaultJdbcUrl(Path.of("weft-cloud-data")),
                null, null, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(1), 10 << 20, 64 << 20,
                Passwords.DEFAULT_ITERATIONS, null, Clock.systemUTC(), ServiceLimits.defaults());
    }

    public ServiceConfig withPort(int p) {
        return new ServiceConfig(bindAddress, p, jdbcUrl, dbUser, dbPassword, runTimeout, sweepInterval, liveInterval,
                maxBodyBytes, maxDecompressedBytes, passwordIterations, publicUrl, clock, limits);
    }

    public ServiceConfig withBindAddress(String address) {
        return new ServiceConfig(address, port, jdbcUrl, dbUser, dbPassword, runTimeout, sweepInterval, liveInterval,
                maxBodyBytes, maxDecompressedBytes, passwordIterations, publicUrl, clock, limits);
    }

    public ServiceConfig withDatabase(String url, String user, String password) {
        return new ServiceConfig(bindAddress, port, url, user, password, runTimeout, sweepInterval, liveInterval,
                maxBodyBytes, maxDecompressedBytes, passwordIterations, publicUrl, clock, limits);
    }

    public ServiceConfig withRunTimeout(Duration timeout) {
        return new ServiceConfig(bindAddress, port, jdbcUrl, dbUser, dbPassword, timeout, sweepInterval, liveInterval,
                maxBodyBytes, maxDecompressedBytes, passwordIterations, publicUrl, clock, limits);
    }

    public ServiceConfig withSweepInterval(Duration interval) {
        return new ServiceConfig(bindAddress, port, jdbcUrl, dbUser, dbPassword, runTimeout, interval, liveInterval,
                maxBodyBytes, maxDecompressedBytes, passwordIterations, publicUrl, clock, limits);
    }

    public ServiceConfig withLiveInterval(Duration interval) {
        return new ServiceConfig(bindAddress, port, jdbcUrl, dbUser, dbPassword, runTimeout, sweepInterval, interval,
                maxBodyBytes, maxDecompressedBytes, passwordIterations, publicUrl, clock, limits);
    }

    public ServiceConfig withBodyLimits(int maxBytes, int maxDecompressed) {
        return new ServiceConfig(bindAddress, port, jdbcUrl, dbUser, dbPassword, runTimeout, sweepInterval, liveInterval,
                maxBytes, maxDecompressed, passwordIterations, publicUrl, clock, limits);
    }

    public ServiceConfig withPasswordIterations(int iterations) {
        return new ServiceConfig(bindAddress, port, jdbcUrl, dbUser, dbPassword, runTimeout, sweepInterval, liveInterval,
                maxBodyBytes, maxDecompressedBytes, iterations, publicUrl, clock, limits);
    }

    public ServiceConfig withPublicUrl(String url) {
        return new ServiceConfig(bindAddress, port, jdbcUrl, dbUser, dbPassword, runTimeout, sweepInterval, liveInterval,
                maxBodyBytes, maxDecompressedBytes, passwordIterations, url, clock, limits);
    }

    public ServiceConfig withClock(Clock c) {
        return new ServiceConfig(bindAddress, port, jdbcUrl, dbUser, dbPassword, runTimeout, sweepInterval, liveInterval,
                maxBodyBytes, maxDecompressedBytes, passwordIterations, publicUrl, c, limits);
    }

    public ServiceConfig withLimits(ServiceLimits l) {
        return new ServiceConfig(bindAddress, port, jdbcUrl, dbUser, dbPassword, runTimeout, sweepInterval, liveInterval,
                maxBodyBytes, maxDecompressedBytes, passwordIterations, publicUrl, clock, l);
    }

    /** True when users reach the service over https (cookies are then sent only over https). */
    public boolean httpsPublicUrl() {
        return publicUrl != null && publicUrl.regionMatches(true, 0, "https://", 0, 8);
    }

    /** Throws {@link IllegalArgumentException} naming the first bad setting. */
    public ServiceConfig validate() {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(limits, "limits").validate();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db must be a jdbc:h2: or jdbc:postgresql: URL, got " + jdbcUrl);
        }
        if (runTimeout.isNegative() || runTimeout.isZero()) {
            throw new IllegalArgumentException("the run timeout must be positive");
        }
        if (maxBodyBytes <= 0 || maxDecompressedBytes <= 0) {
            throw new IllegalArgumentException("body limits must be positive");
        }
        return this;
    }
}
