package dev.weft.cloud.logs;

/**
 * One stored line as {@code GET /api/runs/{id}/logs} answers it.
 *
 * @param seq       the service's order of the line; the next page starts after it
 * @param t         when the runner logged it, epoch milliseconds
 * @param level     debug, info, warn or error
 * @param message   the text
 * @param source    console, stacktrace (a script error) or weft (the runner, or the service itself)
 * @param vu        the VU that logged it, or null
 * @param iteration that VU's iteration, or null
 * @param scenario  the scenario of that iteration, or null
 * @param instance  the instance of a shared run that sent it ("" for a run of one instance)
 */
public record LogLine(long seq, long t, String level, String message, String source, Long vu, Long iteration,
        String scenario, String instance) {
}
