package dev.weft.output.cloud;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;

/**
 * Says in one line why the service could not be reached, instead of the JDK client's bare
 * {@code ConnectException} whose innermost cause is a {@code ClosedChannelException}.
 * Stateless; called by {@link CloudApiClient} on whichever thread sent the request.
 */
final class Unreachable {
    private Unreachable() {
    }

    /** An {@link IOException} whose message names the problem and the host:port. */
    static IOException explain(IOException e, URI uri, Duration timeout) {
        String where = uri.getHost() + ":" + port(uri);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return new IOException("no connection to " + where + " within the connect timeout", e);
            }
            if (t instanceof HttpTimeoutException) {
                return new IOException("no answer from " + where + " within " + human(timeout), e);
            }
            if (t instanceof UnknownHostException) {
                return new IOException("unknown host " + uri.getHost(), e);
            }
            if (t instanceof ConnectException c) {
                String detail = c.getMessage();
                if (detail == null || detail.isBlank() || detail.toLowerCase(java.util.Locale.ROOT).contains("refused")) {
                    return new IOException("connection refused to " + where, e);
                }
                return new IOException("cannot connect to " + where + ": " + detail, e);
            }
        }
        if (e.getMessage() == null || e.getMessage().isBlank() || e instanceof ClosedChannelException
                || e.getCause() instanceof ClosedChannelException) {
            return new IOException("the connection to " + where + " was closed before an answer came", e);
        }
        return new IOException(e.getMessage() + " (" + where + ")", e);
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
