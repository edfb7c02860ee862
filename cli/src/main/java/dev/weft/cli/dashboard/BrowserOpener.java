package dev.weft.cli.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.tinylog.Logger;

/**
 * Opens a URL in the user's browser for K6_WEB_DASHBOARD_OPEN=true, as k6 does (xdg-open, open,
 * or the Windows URL handler); a failure is a warning, never an error. Called once on the CLI
 * thread at start.
 */
final class BrowserOpener {
    private BrowserOpener() {
    }

    static void open(String url) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            Logger.warn("web dashboard: could not open a browser ({}): open {} yourself", e.getMessage(), url);
        }
    }
}
