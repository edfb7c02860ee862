package dev.weft.cli.dashboard;

/**
 * The web dashboard could not listen where it was told (k6 then fails the run with exit code
 * 255); the message is the one line to print, naming host:port.
 */
public final class DashboardPortInUse extends Exception {
    public DashboardPortInUse(String message, Throwable cause) {
        super(message, cause);
    }
}
