package dev.weft.http;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Maps JDK networking exceptions to k6's error codes and k6's wording, so scripts that check
 * {@code error_code} or the {@code error} tag behave as under k6. Stateless.
 */
final class ErrorClassifier {
    /** Where in the request the failure happened; the same exception means different things. */
    enum Stage { DIAL, TLS, EXCHANGE }

    private ErrorClassifier() {
    }

    static HttpFailure classify(Throwable e, Stage stage, boolean deadlinePassed) {
        if (e instanceof HttpFailure f) {
            return f;
        }
        if (deadlinePassed) {
            return new HttpFailure(HttpErrorCodes.REQUEST_TIMEOUT, "request timeout", e);
        }
        if (e instanceof UnknownHostException) {
            return new HttpFailure(HttpErrorCodes.DNS_NO_SUCH_HOST, "lookup: no such host", e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return stage == Stage.DIAL
                    ? new HttpFailure(HttpErrorCodes.TCP_DIAL_TIMEOUT, "dial: i/o timeout", e)
                    : new HttpFailure(HttpErrorCodes.REQUEST_TIMEOUT, "request timeout", e);
        }
        if (e instanceof ConnectException) {
            String m = String.valueOf(e.getMessage());
            return m.contains("refused")
                    ? new HttpFailure(HttpErrorCodes.TCP_DIAL_REFUSED, "dial: connection refused", e)
                    : new HttpFailure(HttpErrorCodes.TCP_DIAL, "dial: " + m, e);
        }
        if (e instanceof NoRouteToHostException) {
            return new HttpFailure(HttpErrorCodes.TCP_DIAL, "dial: no route to host", e);
        }
        if (e instanceof SSLException ssl) {
            return classifyTls(ssl);
        }
        if (e instanceof SocketException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            String op = stage == Stage.DIAL ? "dial" : "read";
            if (m.contains("reset")) {
                return new HttpFailure(HttpErrorCodes.TCP_RESET_BY_PEER, op + ": connection reset by peer", e);
            }
            if (m.contains("broken pipe")) {
                return new HttpFailure(HttpErrorCodes.TCP_BROKEN_PIPE, "write: broken pipe", e);
            }
            return new HttpFailure(stage == Stage.DIAL ? HttpErrorCodes.TCP_DIAL : HttpErrorCodes.TCP_GENERIC,
                    op + ": " + e.getMessage(), e);
        }
        if (e instanceof EOFException) {
            return new HttpFailure(HttpErrorCodes.GENERIC, "unexpected EOF", e);
        }
        return new HttpFailure(HttpErrorCodes.GENERIC, String.valueOf(e.getMessage()), e);
    }

    private static HttpFailure classifyTls(SSLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return new HttpFailure(HttpErrorCodes.X509_UNKNOWN_AUTHORITY, "x509: unknown authority", e);
            }
            if (t instanceof CertificateException) {
                String m = String.valueOf(t.getMessage());
                if (m.contains("No subject alternative") || m.contains("No name matching")) {
                    return new HttpFailure(HttpErrorCodes.X509_HOSTNAME,
                            "x509: certificate doesn't match hostname", e);
                }
            }
        }
        String m = String.valueOf(e.getMessage());
        if (!(e instanceof SSLHandshakeException) && m.contains("plaintext")) {
            return new HttpFailure(HttpErrorCodes.TLS_HEADER, "tls: " + m, e);
        }
        return new HttpFailure(HttpErrorCodes.TLS_GENERIC, "tls: " + m, e);
    }
}
