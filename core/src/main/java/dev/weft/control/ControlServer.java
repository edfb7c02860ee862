package dev.weft.control;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.tinylog.Logger;

/**
 * k6's REST API for controlling a running test, on {@code --address} (default {@code
 * localhost:6565}): {@code GET /v1/status}, {@code PATCH /v1/status} (pause, resume, stop, set
 * an externally-controlled scenario's VUs) and {@code GET /v1/metrics}. Plain JDK HTTP server,
 * one virtual thread per request. Started and closed by the CLI around the test run.
 */
public final class ControlServer implements AutoCloseable {
    public static final String DEFAULT_ADDRESS = "localhost:6565";

    private final HttpServer server;
    private final ExecutorService threads;
    private final ControlSurface surface;

    private ControlServer(HttpServer server, ExecutorService threads, ControlSurface surface) {
        this.server = server;
        this.threads = threads;
        this.surface = surface;
    }

    /** Starts serving on {@code address} ("host:port"; port 0 picks a free one). */
    public static ControlServer start(String address, ControlSurface surface) throws IOException {
        HttpServer server = HttpServer.create(parse(address), 0);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        ControlServer control = new ControlServer(server, threads, surface);
        server.createContext("/v1/status", control::status);
        server.createContext("/v1/metrics", control::metrics);
        server.createContext("/", ex -> control.send(ex, 404, errors(404, "Not found", ex.getRequestURI().getPath())));
        server.start();
        return control;
    }

    /** Parses k6's {@code --address}: "host:port", or ":port" for every interface. */
    static InetSocketAddress parse(String address) throws IOException {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IOException("address \"" + address + "\" must be host:port");
        }
        String host = address.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IOException("address \"" + address + "\" has no port number");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(host), port);
    }

    /** Where the server listens (the real port when started on port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void status(HttpExchange ex) throws IOException {
        switch (ex.getRequestMethod()) {
            case "GET" -> send(ex, 200, StatusDocument.of(surface));
            case "PATCH" -> patchStatus(ex);
            default -> send(ex, 405, null);
        }
    }

    private void patchStatus(HttpExchange ex) throws IOException {
        StatusDocument.Change change;
        try {
            change = StatusDocument.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            send(ex, 400, errors(400, "Invalid data", e.getMessage()));
            return;
        }
        if (change.stop()) {
            surface.stop();
        } else {
            if (change.paused() != null) {
                surface.setPaused(change.paused());
            }
            if (change.vus() != null || change.vusMax() != null) {
                var executor = surface.externallyControlled();
                if (executor.isEmpty()) {
                    send(ex, 500, errors(500, "Execution config error",
                            "an externally-controlled executor needs to be configured for live configuration updates"));
                    return;
                }
                try {
                    executor.get().update(change.vus(), change.vusMax());
                } catch (IllegalArgumentException e) {
                    send(ex, 400, errors(400, "Config update error", e.getMessage()));
                    return;
                }
            }
        }
        send(ex, 200, StatusDocument.of(surface));
    }

    private void metrics(HttpExchange ex) throws IOException {
        if (!"GET".equals(ex.getRequestMethod())) {
            send(ex, 405, null);
            return;
        }
        var body = surface.metrics();
        if (body.isPresent()) {
            send(ex, 200, body.get());
        } else {
            send(ex, 404, errors(404, "Not available", "this run offers no metrics over the API"));
        }
    }

    private static JsonObject errors(int status, String title, String detail) {
        JsonObject error = new JsonObject();
        error.addProperty("status", String.valueOf(status));
        error.addProperty("title", title);
        error.addProperty("detail", detail);
        JsonArray all = new JsonArray();
        all.add(error);
        JsonObject doc = new JsonObject();
        doc.add("errors", all);
        return doc;
    }

    private void send(HttpExchange ex, int status, JsonObject body) throws IOException {
        try (ex) {
            byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException | RuntimeException e) {
            Logger.debug(e, "control API response failed");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
