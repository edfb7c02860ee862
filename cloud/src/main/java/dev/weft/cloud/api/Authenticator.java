package dev.weft.cloud.api;

import com.sun.net.httpserver.HttpExchange;
import dev.weft.cloud.account.AccountStore;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.account.Sessions;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.wire.CloudApi;
import java.net.HttpCookie;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Finds who a request acts for: an API token ({@code Authorization: Token <token>}) or a web
 * session cookie (or, in a service without login, the one local account). Thread-safe; called on
 * request threads.
 */
public final class Authenticator {
    private final AccountStore accounts;
    private final Sessions sessions;
    private final Principal openAs;

    public Authenticator(AccountStore accounts, Sessions sessions) {
        this(accounts, sessions, null);
    }

    /**
     * @param openAs when not null, a request without a session acts for this account (the local
     *               dashboard's service, bound to loopback, has no login); tokens are still checked
     */
    public Authenticator(AccountStore accounts, Sessions sessions, Principal openAs) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.openAs = openAs;
    }

    /** The token's principal; 401 when the header is missing or the token unknown. */
    public Principal byToken(HttpExchange exchange) throws ApiException, SQLException {
        String header = exchange.getRequestHeaders().getFirst(CloudApi.AUTHORIZATION_HEADER);
        String token = CloudApi.tokenOf(header);
        if (token == null) {
            throw new ApiException(401, "missing 'Authorization: Token <token>' header; log in with 'weft login cloud'");
        }
        return accounts.byToken(token).orElseThrow(() -> new ApiException(401, "invalid API token"));
    }

    /** A token if the request has one, else the session cookie; 401 when neither is valid. */
    public Principal byTokenOrSession(HttpExchange exchange) throws ApiException, SQLException {
        if (exchange.getRequestHeaders().getFirst(CloudApi.AUTHORIZATION_HEADER) != null) {
            return byToken(exchange);
        }
        return session(exchange).orElseThrow(() -> new ApiException(401, "not logged in"));
    }

    public Optional<Principal> session(HttpExchange exchange) {
        Optional<Principal> found = sessions.find(sessionId(exchange));
        return found.isEmpty() && openAs != null ? Optional.of(openAs) : found;
    }

    public static String sessionId(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(Sessions.COOKIE + "=")) {
                    return p.substring(Sessions.COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    public static String cookieHeader(String sessionId) {
        return cookieHeader(sessionId, false);
    }

    /** The session cookie; {@code secure} (the service is reached over https) keeps it off plain http. */
    public static String cookieHeader(String sessionId, boolean secure) {
        HttpCookie cookie = new HttpCookie(Sessions.COOKIE, sessionId);
        return cookie.getName() + "=" + cookie.getValue() + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }
}
