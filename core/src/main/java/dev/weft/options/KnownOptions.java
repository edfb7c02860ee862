package dev.weft.options;

import java.util.Set;

/** k6's option names: anything else in {@code options} is a mistake worth an error. */
final class KnownOptions {
    private KnownOptions() {
    }

    /** Options Weft acts on. */
    static final Set<String> SUPPORTED = Set.of("vus", "duration", "iterations", "stages", "scenarios",
            "thresholds", "setupTimeout", "teardownTimeout", "noSetup", "noTeardown", "tags",
            "summaryTrendStats", "summaryTimeUnit", "insecureSkipTLSVerify", "tlsVersion", "hosts",
            "userAgent", "maxRedirects", "noConnectionReuse", "noVUConnectionReuse", "noCookiesReset",
            "discardResponseBodies", "batch", "batchPerHost", "throw", "minIterationDuration", "ext",
            "cloud", "noUsageReport", "systemTags", "httpDebug", "executionSegment",
            "executionSegmentSequence", "paused", "summaryExport", "linger", "compatibilityMode",
            "consoleOutput", "logOutput", "logFormat", "blacklistIPs", "blockHostnames", "dns", "rps",
            "tlsCipherSuites", "tlsAuth", "localIPs", "noColor", "noThresholds", "noSummary",
            "webDashboard", "includeSystemEnvVars");
}
