package dev.weft.cloud;

import com.sun.net.httpserver.HttpServer;
import dev.weft.cloud.account.AccountStore;
import dev.weft.cloud.account.LoginThrottle;
import dev.weft.cloud.account.PasswordLogin;
import dev.weft.cloud.account.Passwords;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.account.Sessions;
import com.sun.net.httpserver.HttpHandler;
import dev.weft.cloud.api.ApiFallback;
import dev.weft.cloud.api.ApiRoutes;
import dev.weft.cloud.api.MetricsV2Routes;
import dev.weft.cloud.api.RunApiRoutes;
import dev.weft.cloud.api.Authenticator;
import dev.weft.cloud.http.RequestBodies;
import dev.weft.cloud.local.LocalLanding;
import dev.weft.cloud.logs.LogRoutes;
import dev.weft.cloud.logs.LogStore;
import dev.weft.cloud.metrics.ChartReader;
import dev.weft.cloud.report.HtmlReport;
import dev.weft.cloud.run.RunService;
import dev.weft.cloud.run.RunStore;
import dev.weft.cloud.store.Database;
import dev.weft.cloud.store.Migrations;
import dev.weft.cloud.store.WriteCheck;
import dev.weft.cloud.summary.RunSummary;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.tinylog.Logger;

/**
 * A running results service: the JDK HTTP server on virtual threads, the database and the
 * timeout sweeper. {@link #start(ServiceConfig)} is what {@code weft cloud serve} and tests
 * call; {@link #close()} stops it (the database keeps everything for the next start).
 * Thread-safe.
 */
public final class ResultsService implements AutoCloseable {
    private final ServiceConfig config;
    private final Database db;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AccountStore accounts;
    private final RunService runs;
    private final Thread sweeper;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final String baseUrl;
    private final HtmlReport report;
    private final Principal openAs;

    private ResultsService(ServiceConfig config, boolean withoutLogin) throws IOException, SQLException {
        this.config = config.validate();
        try {
            Migrations.migrate(config.jdbcUrl(), config.dbUser(), config.dbPassword());
        } catch (RuntimeException e) {
            throw WriteCheck.unwritable(config.jdbcUrl(), e);
        }
        this.db = new Database(config.jdbcUrl(), config.dbUser(), config.dbPassword());
        try {
            WriteCheck.requireWritable(db, config.clock().millis());
        } catch (IllegalStateException e) {
            db.close();
            throw e;
        }
        this.accounts = new AccountStore(db, new Passwords(config.passwordIterations()), config.clock());
        this.runs = new RunService(db, new RunStore(db), config.clock(), config.runTimeout(),
                config.limits().seriesBudget());
        ServiceLimits limits = config.limits();
        PasswordLogin logins = new PasswordLogin(accounts, new LoginThrottle(limits.loginFailuresAllowed(),
                limits.loginLockout(), limits.maxLoginLockout(), config.clock()));
        Sessions sessions = new Sessions(config.clock());
        this.openAs = withoutLogin ? localUser(accounts) : null;
        Authenticator auth = new Authenticator(accounts, sessions, openAs);
        RequestBodies bodies = new RequestBodies(config.maxBodyBytes(), config.maxDecompressedBytes());
        LogRoutes logs = new LogRoutes(new LogStore(db, config.limits().logLinesPerRun()), bodies, config.clock());
        ChartReader charts = new ChartReader(db);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 128);
        this.server.setExecutor(executor);
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        this.baseUrl = config.publicUrl() != null ? stripSlash(config.publicUrl())
                : "http://" + host + ":" + server.getAddress().getPort();
        server.createContext("/v1/", new ApiRoutes(auth, accounts, runs, bodies, () -> baseUrl, logins, logs));
        server.createContext("/v1", new ApiFallback());
        server.createContext("/v2", new MetricsV2Routes(auth, runs, bodies));
        AtomicReference<HttpHandler> apiRoutes = new AtomicReference<>();
        this.report = new HtmlReport(apiRoutes::get, sessions, runs, db);
        HttpHandler web = new dev.weft.cloud.web.WebRoutes(auth, accounts, sessions, runs, charts,
                new dev.weft.cloud.web.LiveUpdates(runs, charts, config.liveInterval(), stopping::get), bodies,
                logins, () -> baseUrl, config.httpsPublicUrl(), () -> report);
        apiRoutes.set(new RunApiRoutes(auth, runs, new RunSummary(db), web,
                new dev.weft.cloud.analysis.AnalysisRoutes(db, auth, runs), logs));
        server.createContext("/api", apiRoutes.get());
        server.createContext("/", openAs == null ? web : new LocalLanding(web, runs, openAs));
        this.sweeper = Thread.ofVirtual().name("weft-cloud-timeouts").unstarted(this::sweepLoop);
    }

    /**
     * Migrates the database, proves it takes writes, binds the port and starts serving. A
     * read-only or full database throws {@link IllegalStateException} with a one-line reason.
     */
    public static ResultsService start(ServiceConfig config) throws IOException, SQLException {
        return start(new ResultsService(config, false));
    }

    /**
     * As {@link #start(ServiceConfig)}, but without logins: every browser request acts for one
     * local account ({@link #openPrincipal()}), and {@code /} opens its newest run. Only for a
     * service bound to loopback for one user, as the local web dashboard of {@code weft run} is.
     */
    public static ResultsService startWithoutLogin(ServiceConfig config) throws IOException, SQLException {
        return start(new ResultsService(config, true));
    }

    private static ResultsService start(ResultsService service) {
        ServiceConfig config = service.config;
        service.server.start();
        service.sweeper.start();
        Logger.info("results service listening on {} (database {})", service.baseUrl, config.jdbcUrl());
        return service;
    }

    private static Principal localUser(AccountStore accounts) throws SQLException {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return accounts.createUser(accounts.organisation("local"), "local@localhost",
                HexFormat.of().formatHex(secret));
    }

    /** The account every request acts for in a service started {@link #startWithoutLogin without login}, else null. */
    public Principal openPrincipal() {
        return openAs;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private void sweepLoop() {
        while (!stopping.get()) {
            try {
                Thread.sleep(config.sweepInterval().toMillis());
                int n = runs.sweepTimeouts();
                if (n > 0) {
                    Logger.info("{} test run(s) timed out after {} s without data", n, config.runTimeout().toSeconds());
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                if (!stopping.get()) {
                    Logger.warn(e, "looking for timed-out runs failed");
                }
            }
        }
    }

    /** Where the service is reached, e.g. {@code http://127.0.0.1:8270}. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Writes or renders the self-contained HTML report of a run (the local dashboard's export). */
    public HtmlReport report() {
        return report;
    }

    public AccountStore accounts() {
        return accounts;
    }

    /** Times out idle runs now instead of waiting for the sweeper; returns how many. */
    public int sweepTimeouts() throws SQLException {
        return runs.sweepTimeouts();
    }

    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        sweeper.interrupt();
        server.stop(0);
        executor.shutdownNow();
        db.close();
        Logger.info("results service on {} stopped", baseUrl);
    }
}
