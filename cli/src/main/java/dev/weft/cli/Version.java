package dev.weft.cli;

import com.google.gson.JsonObject;

/** What {@code weft version} prints: Weft's version, the k6 version it follows and the Java runtime. */
final class Version {
    /** The k6 release whose scripts, flags and output Weft matches. */
    static final String K6_VERSION = "1.3.0";

    private Version() {
    }

    static String text() {
        return "weft v" + Cli.VERSION + " (k6 v" + K6_VERSION + " script compatible; java " + Runtime.version() + ", "
                + System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT) + "/" + System.getProperty("os.arch")
                + ")";
    }

    /** k6's {@code version --json} keys, with Java's runtime where k6 names Go's. */
    static String json() {
        JsonObject o = new JsonObject();
        o.addProperty("version", "v" + Cli.VERSION);
        o.addProperty("k6_version", "v" + K6_VERSION);
        o.addProperty("java_version", Runtime.version().toString());
        o.addProperty("os", System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT));
        o.addProperty("arch", System.getProperty("os.arch"));
        return o.toString();
    }
}
