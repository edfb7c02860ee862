package dev.weft.output.push;

import dev.weft.http.TrustEverything;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * POSTs one push's body to a store's HTTP API (InfluxDB's write endpoint, Prometheus remote
 * write) with the JDK client: a timeout, optional TLS settings, and a non-2xx answer turned into
 * an {@link IOException} carrying the status and the start of the store's message. Called only
 * on an output's pusher thread; {@link #close()} once at the end.
 */
public final class HttpPush implements AutoCloseable {
    private static final int MAX_ERROR_TEXT = 300;

    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param insecure   accept any certificate and host name (k6's insecureSkipTLSVerify)
     * @param clientKeys a key store with the client certificate and key, or null
     */
    public HttpPush(Duration timeout, boolean insecure, KeyStore clientKeys) {
        this.timeout = timeout;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (insecure || clientKeys != null) {
            b.sslContext(sslContext(insecure, clientKeys));
        }
        this.client = b.build();
    }

    private static SSLContext sslContext(boolean insecure, KeyStore clientKeys) {
        try {
            KeyManager[] keys = null;
            if (clientKeys != null) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(clientKeys, new char[0]);
                keys = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, insecure ? new TrustManager[] {new TrustEverything()} : null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Sends {@code body}; returns the answer's body text on a 2xx.
     *
     * @throws IOException when the store cannot be reached or answers otherwise
     */
    public String post(URI uri, Map<String, String> headers, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(req::setHeader);
        HttpResponse<byte[]> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(resp.body(), StandardCharsets.UTF_8);
        if (resp.statusCode() / 100 != 2) {
            String excerpt = text.strip();
            throw new IOException(uri.getHost() + ":" + uri.getPort() + " answered " + resp.statusCode()
                    + (excerpt.isEmpty() ? "" : ": " + (excerpt.length() > MAX_ERROR_TEXT
                            ? excerpt.substring(0, MAX_ERROR_TEXT) + "..." : excerpt)));
        }
        return text;
    }

    /** A GET, for queries made once at start (e.g. creating InfluxDB's database). */
    public int get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        headers.forEach(req::setHeader);
        return client.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        client.close();
    }
}
