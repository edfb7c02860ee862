package dev.weft.cloud;

import dev.weft.cloud.account.AccountStore;
import dev.weft.cloud.account.Principal;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code weft cloud serve}: parses options, starts a {@link ResultsService} and serves until
 * the process is stopped. The CLI calls {@link #run} on its main thread.
 *
 * <pre>
 * --port N              port to listen on (default 8270; 0 picks a free one)
 * --bind ADDRESS        address to listen on (default 127.0.0.1)
 * --public-url URL      URL printed and handed to runners (default http://bind:port)
 * --db JDBC_URL         jdbc:h2:file:... (default ./weft-cloud-data) or jdbc:postgresql://...
 * --db-user, --db-password  database credentials
 * --timeout-seconds N   Running runs without data for N s become Timed out (default 120)
 * --max-series N        series (metric + tag set) a run keeps apart before new tag sets of a
 *                       metric fold into one overflow series per metric (default 20000)
 * --org NAME            organisation for --create-user (default "default")
 * --create-user EMAIL:PASSWORD  create the user (or reset its password)
 * --create-token        make an API token for that user (or the first admin) and print it
 * --add-token-file PATH register the token in that file for that user (or the first admin),
 *                       e.g. a Kubernetes Secret the runners share; again on every start is a no-op
 * --setup-only          do the above and exit instead of serving
 * </pre>
 * On a first start with no users at all it creates {@code admin@localhost} with a random
 * password and a token, and prints both.
 */
public final class CloudServe {
    private CloudServe() {
    }

    private record Options(ServiceConfig config, String org, String createUser, boolean createToken, boolean setupOnly,
            Path addTokenFile) {
    }

    /** Runs the command; returns the process exit code (0 ok, 2 bad options, 1 failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
            options.config().validate();
        } catch (IllegalArgumentException e) {
            err.println("weft cloud serve: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ResultsService service;
        try {
            service = ResultsService.start(options.config());
        } catch (Exception e) {
            err.println("weft cloud serve: cannot start: " + oneLine(e.getMessage()));
            return 1;
        }
        try {
            setUpAccounts(service.accounts(), options, out);
        } catch (Exception e) {
            err.println("weft cloud serve: account setup failed: " + e.getMessage());
            service.close();
            return 1;
        }
        out.println("Weft results service: " + service.baseUrl());
        out.println("  runners: K6_CLOUD_HOST=" + service.baseUrl() + " weft run --out cloud script.js");
        if (options.setupOnly()) {
            service.close();
            return 0;
        }
        Thread hook = new Thread(() -> {
            service.close();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            service.close();
        }
        return 0;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static void setUpAccounts(AccountStore accounts, Options options, PrintStream out) throws Exception {
        Principal user = null;
        if (options.createUser() != null) {
            int colon = options.createUser().indexOf(':');
            String email = options.createUser().substring(0, colon);
            user = accounts.createUser(accounts.organisation(options.org()), email, options.createUser().substring(colon + 1));
            out.println("user " + email + " ready in organisation '" + options.org() + "'");
        } else if (!accounts.hasAnyUser()) {
            String password = randomSecret();
            user = accounts.createUser(accounts.organisation(options.org()), "admin@localhost", password);
            out.println("first start: created user admin@localhost with password " + password);
            out.println("  token: " + accounts.createToken(user));
        }
        if (options.addTokenFile() != null) {
            Principal owner = user != null ? user : accounts.byEmail("admin@localhost").orElseThrow(
                    () -> new IllegalArgumentException("--add-token-file needs --create-user EMAIL:PASSWORD"));
            accounts.addToken(owner, java.nio.file.Files.readString(options.addTokenFile()).strip());
            out.println("token from " + options.addTokenFile() + " accepted for " + owner.email());
        }
        if (options.createUser() == null && user != null) {
            return;
        }
        if (options.createToken()) {
            if (user == null) {
                Optional<Principal> admin = accounts.byEmail("admin@localhost");
                user = admin.orElseThrow(() -> new IllegalArgumentException("--create-token needs --create-user EMAIL:PASSWORD"));
            }
            out.println("  token: " + accounts.createToken(user));
        }
    }

    private static String randomSecret() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Options parse(String[] args) {
        ServiceConfig config = ServiceConfig.defaults();
        String org = "default";
        String createUser = null;
        boolean createToken = false;
        boolean setupOnly = false;
        String dbUser = null;
        String dbPassword = null;
        String db = config.jdbcUrl();
        Path addTokenFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> config = config.withPort(number(a, value(args, ++i, a)));
                case "--bind" -> config = config.withBindAddress(value(args, ++i, a));
                case "--public-url" -> config = config.withPublicUrl(value(args, ++i, a));
                case "--db" -> db = value(args, ++i, a);
                case "--db-user" -> dbUser = value(args, ++i, a);
                case "--db-password" -> dbPassword = value(args, ++i, a);
                case "--timeout-seconds" -> config = config.withRunTimeout(Duration.ofSeconds(number(a, value(args, ++i, a))));
                case "--max-series" -> config = config.withLimits(
                        config.limits().withSeriesBudget(number(a, value(args, ++i, a))));
                case "--org" -> org = value(args, ++i, a);
                case "--create-user" -> {
                    createUser = value(args, ++i, a);
                    if (createUser.indexOf(':') < 1 || createUser.endsWith(":")) {
                        throw new IllegalArgumentException("--create-user needs EMAIL:PASSWORD");
                    }
                }
                case "--create-token" -> createToken = true;
                case "--setup-only" -> setupOnly = true;
                case "--add-token-file" -> addTokenFile = Path.of(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (!db.startsWith("jdbc:")) {
            db = ServiceConfig.defaultJdbcUrl(Path.of(db));
        }
        return new Options(config.withDatabase(db, dbUser, dbPassword), org, createUser, createToken, setupOnly,
                addTokenFile);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + text + "'");
        }
    }
}
