package dev.weft.output;

/**
 * One line the run logged (a script's console.* call, a script error, a warning of the runner),
 * as outputs that take logs ({@link WithLogLines}) receive it. A value.
 *
 * @param timeMillis when it was logged, epoch milliseconds
 * @param level      debug, info, warn or error
 * @param message    the text as printed (secrets already redacted)
 * @param origin     where it came from
 */
public record LogLine(long timeMillis, String level, String message, Origin origin) {

    /**
     * Where a line came from.
     *
     * @param source    {@code console} (console.*), {@code stacktrace} (a script error, as k6 names
     *                  it) or {@code weft} (the runner itself)
     * @param vu        the VU's id, or null outside a VU (or in setup/teardown)
     * @param iteration the VU's iteration in its scenario, or null outside an iteration
     * @param scenario  that iteration's scenario, or null
     */
    public record Origin(String source, Integer vu, Long iteration, String scenario) {
        /** A line of the runner itself. */
        public static final Origin RUNNER = new Origin("weft", null, null, null);
        /** A console line from outside any VU's iteration that says nothing more. */
        public static final Origin CONSOLE = new Origin("console", null, null, null);
    }
}
