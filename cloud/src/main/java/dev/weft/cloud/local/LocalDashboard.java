package dev.weft.cloud.local;

import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The results service embedded in {@code weft run} for k6's local web dashboard: in memory (an
 * H2 database gone when the run ends), bound to loopback, no login; the run streams into it
 * through the ordinary cloud output over loopback with {@link #ingestToken()}, so the page it
 * serves is the service's own run page and API. {@code /} opens the run.
 *
 * <p>The CLI calls {@link #start} before the test, reads {@link #url()}, and {@link #close()}
 * after the run (and its report) are done. Thread-safe.
 */
public final class LocalDashboard implements AutoCloseable {
    private final ResultsService service;
    private final String jdbcUrl;
    private final String token;

    private LocalDashboard(ResultsService service, String jdbcUrl, String token) {
        this.service = service;
        this.jdbcUrl = jdbcUrl;
        this.token = token;
    }

    /**
     * Starts the service on {@code host:port} (port 0: a free one).
     *
     * @param period the live-event interval of the run page (from K6_WEB_DASHBOARD_PERIOD)
     * @throws IllegalArgumentException when {@code host} is not a loopback address: without a
     *                                  login the dashboard must not be reachable from elsewhere
     * @throws BindException            when the port is taken; the message names host:port
     */
    public static LocalDashboard start(String host, int port, Duration period) throws IOException, SQLException {
        requireLoopback(host);
        String jdbcUrl = "jdbc:h2:mem:weft-dashboard-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        ServiceConfig config = ServiceConfig.defaults().withBindAddress(host).withPort(port)
                .withDatabase(jdbcUrl, null, null).withLiveInterval(period)
                // the run lives as long as this process; it never times out for want of data
                .withRunTimeout(Duration.ofDays(365)).withSweepInterval(Duration.ofMinutes(10))
                .withPasswordIterations(1000);
        ResultsService service;
        try {
            service = ResultsService.startWithoutLogin(config);
        } catch (BindException e) {
            shutdown(jdbcUrl);
            String address = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
            String why = e.getMessage() == null ? "address already in use" : e.getMessage().toLowerCase(Locale.ROOT);
            BindException busy = new BindException("cannot listen on " + address + ": " + why);
            busy.initCause(e);
            throw busy;
        } catch (IOException | SQLException | RuntimeException e) {
            shutdown(jdbcUrl);
            throw e;
        }
        try {
            return new LocalDashboard(service, jdbcUrl, service.accounts().createToken(service.openPrincipal()));
        } catch (SQLException | RuntimeException e) {
            service.close();
            shutdown(jdbcUrl);
            throw e;
        }
    }

    private static void requireLoopback(String host) throws UnknownHostException {
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            throw new IllegalArgumentException("the web dashboard has no login, so it listens on loopback only; "
                    + "host '" + host + "' is not a loopback address (use 127.0.0.1 or ::1)");
        }
    }

    /** Where a browser opens the dashboard, e.g. {@code http://127.0.0.1:5665}. */
    public String url() {
        return service.baseUrl();
    }

    public int port() {
        return service.port();
    }

    /** The API token the run pushes its data and logs with (made for this run, gone with it). */
    public String ingestToken() {
        return token;
    }

    /** The embedded service. */
    public ResultsService service() {
        return service;
    }

    /**
     * Writes the self-contained HTML report of the run (the service's own export, see
     * {@link dev.weft.cloud.report.HtmlReport}); gzip-compressed when the name ends in
     * {@code .gz}, as k6 does. Called on the CLI thread after the run finished.
     */
    public void writeReport(long runId, Path file) throws IOException, SQLException {
        if (!file.getFileName().toString().endsWith(".gz")) {
            service.report().write(runId, file);
            return;
        }
        String html = service.report().render(service.openPrincipal(), runId);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Stops serving and frees the in-memory database. */
    @Override
    public void close() {
        service.close();
        shutdown(jdbcUrl);
    }

    private static void shutdown(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already gone
        }
    }
}
