package dev.weft.cli.dashboard;

import dev.weft.options.K6Duration;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The web dashboard's settings, named as k6 v1.3.0 (its bundled xk6-dashboard) names them:
 * {@code K6_WEB_DASHBOARD_HOST}, {@code _PORT} (5665; 0 picks a free port, a negative port
 * serves nothing but still writes the report), {@code _PERIOD} (10s, a Go duration; k6
 * aggregates by it, here it only sets the service's live-event interval: the page charts per
 * second), {@code _OPEN} ("true" opens a browser), {@code _EXPORT} (or its old name
 * {@code _REPORT}: the HTML report written at the end), overridden by the parameters of
 * {@code --out web-dashboard=host=…&port=…&period=…&open&export=…}. Unlike k6, which listens on
 * every interface, the host defaults to 127.0.0.1: this dashboard has no login. k6's
 * {@code _TAGS}/{@code tag} (tags to aggregate by) and {@code _RECORD}/{@code record} are
 * accepted and not needed: every tag is kept and filterable. A value.
 */
public record DashboardSettings(String host, int port, Duration period, boolean open, String export) {
    /** k6's default port; when it is busy k6 warns and runs without the dashboard. */
    public static final int DEFAULT_PORT = 5665;
    static final String ENV = "K6_WEB_DASHBOARD_";

    /**
     * True when {@code K6_WEB_DASHBOARD} turns the dashboard on; k6 reads it as a Go boolean.
     *
     * @throws dev.weft.options.OptionsException when it is not a boolean
     */
    public static boolean enabled(Map<String, String> env) {
        String v = env.get("K6_WEB_DASHBOARD");
        if (v == null || v.isEmpty()) {
            return false;
        }
        return switch (v.trim()) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new dev.weft.options.OptionsException("K6_WEB_DASHBOARD must be true or false, got '"
                    + v + "'");
        };
    }

    /**
     * The settings from the environment, then the {@code --out web-dashboard=} parameters.
     *
     * @throws IllegalArgumentException naming the bad variable or parameter
     */
    public static DashboardSettings parse(String argument, Map<String, String> env) {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        Duration period = Duration.ofSeconds(10);
        boolean open = false;
        String export = null;
        if (env.containsKey(ENV + "PORT")) {
            port = port(ENV + "PORT", env.get(ENV + "PORT"));
        }
        if (nonEmpty(env.get(ENV + "HOST"))) {
            host = env.get(ENV + "HOST").trim();
        }
        if (nonEmpty(env.get(ENV + "EXPORT"))) {
            export = env.get(ENV + "EXPORT");
        } else if (nonEmpty(env.get(ENV + "REPORT"))) {
            export = env.get(ENV + "REPORT");
        }
        if (env.containsKey(ENV + "PERIOD")) {
            period = period(ENV + "PERIOD", env.get(ENV + "PERIOD"));
        }
        if ("true".equals(env.get(ENV + "OPEN"))) {
            open = true;
        }
        for (String pair : argument == null ? new String[0] : argument.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (key) {
                case "port" -> port = value.isEmpty() ? port : port("--out web-dashboard port", value);
                case "host" -> host = value.isEmpty() ? host : value;
                case "export", "report" -> export = value.isEmpty() ? export : value;
                case "period" -> period = value.isEmpty() ? period : period("--out web-dashboard period", value);
                case "open" -> open = value.isEmpty() || value.equals("true");
                case "tag", "tags", "record" -> {
                    // k6 aggregates by these tags or records events; every tag is kept here anyway
                }
                default -> throw new IllegalArgumentException("--out web-dashboard: unknown parameter '" + key
                        + "' (known: host, port, period, open, export)");
            }
        }
        return new DashboardSettings(host, port, period, open, export);
    }

    /** False when a negative port asks for no server (the report is still written). */
    public boolean serves() {
        return port >= 0;
    }

    /** The URL k6 prints: http://host:port, 127.0.0.1 for an empty host. */
    public String url(int actualPort) {
        String h = host.isEmpty() ? "127.0.0.1" : host;
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + actualPort;
    }

    private static int port(String what, String value) {
        try {
            int p = Integer.parseInt(value.trim());
            if (p > 65535) {
                throw new IllegalArgumentException(what + " must be at most 65535, got " + p);
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + value + "'");
        }
    }

    private static Duration period(String what, String value) {
        Duration d;
        try {
            d = K6Duration.parse(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": invalid duration '" + value + "' (e.g. 10s, 1m)");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got '" + value + "'");
        }
        return d;
    }

    private static boolean nonEmpty(String v) {
        return v != null && !v.isEmpty();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
