package dev.weft.output.cloud;

import dev.weft.cloud.wire.LoginResponse;
import dev.weft.cloud.wire.ValidateTokenResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code weft login cloud}: checks a token (or trades email and password for one) with the
 * service and saves it, with the host, in {@link CloudConfigFile}. The CLI calls it on its
 * main thread; failures are {@link CloudLoginException}s whose message is for the user.
 */
public final class CloudLogin {
    /** The saved token and where it went. */
    public record Result(String token, String host, Path configFile) {
    }

    private final Map<String, String> env;

    /** @param env the process environment (for K6_CLOUD_HOST and the config file location) */
    public CloudLogin(Map<String, String> env) {
        this.env = env;
    }

    /** Checks the token with the service, then stores it. {@code host} null means the configured one. */
    public Result validateAndStore(String host, String token) throws CloudLoginException {
        if (token == null || token.isBlank()) {
            throw new CloudLoginException("the token is empty");
        }
        String h = host(host);
        try (CloudApiClient client = new CloudApiClient(h, token.trim(), Duration.ofSeconds(30))) {
            ValidateTokenResponse r = client.validateToken();
            if (r == null || !r.valid()) {
                throw new CloudLoginException("the service at " + h + " does not accept this token"
                        + (r != null && r.message() != null ? ": " + r.message() : ""));
            }
        } catch (IOException | CloudRequestException e) {
            throw new CloudLoginException("cannot check the token with " + h + ": " + e.getMessage(), e);
        }
        return store(h, token.trim());
    }

    /** Logs in with email and password, then stores the token the service returns. */
    public Result loginWithPassword(String host, String email, String password) throws CloudLoginException {
        String h = host(host);
        LoginResponse r;
        try (CloudApiClient client = new CloudApiClient(h, null, Duration.ofSeconds(30))) {
            r = client.login(email, password);
        } catch (IOException | CloudRequestException e) {
            throw new CloudLoginException("login at " + h + " failed: " + e.getMessage(), e);
        }
        if (r == null || r.token() == null || r.token().isBlank()) {
            throw new CloudLoginException("the service at " + h + " returned no token for " + email);
        }
        return store(h, r.token());
    }

    /** Forgets the saved token (like {@code k6 login cloud --reset}). */
    public Path reset() throws CloudLoginException {
        Path file = CloudConfigFile.location(env);
        try {
            CloudConfigFile.Contents c = CloudConfigFile.read(file);
            CloudConfigFile.write(file, new CloudConfigFile.Contents(null, c.host()));
            return file;
        } catch (IOException e) {
            throw new CloudLoginException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private String host(String host) {
        return host != null && !host.isBlank() ? CloudConfig.stripSlash(host.trim()) : CloudConfig.resolve(env).host();
    }

    private Result store(String host, String token) throws CloudLoginException {
        Path file = CloudConfigFile.location(env);
        try {
            CloudConfigFile.write(file, new CloudConfigFile.Contents(token, host));
        } catch (IOException e) {
            throw new CloudLoginException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Result(token, host, file);
    }
}
