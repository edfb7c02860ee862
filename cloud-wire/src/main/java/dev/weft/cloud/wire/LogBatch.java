package dev.weft.cloud.wire;

import java.util.List;

/**
 * Weft's extension to the cloud API: what a runner logged (console output, script errors, its
 * own warnings), pushed as JSON to {@code POST /v1/tests/{referenceId}/logs} with the run's
 * token ({@link CloudApi#LOGS_SUFFIX}). Genuine k6 never sends it; a service without the
 * endpoint answers 404 and the runner stops sending logs (counting them as dropped).
 *
 * <p>Lines carry the runner's own numbering: a batch sent twice (a retry after a lost answer)
 * is stored once, and the service orders a run's lines by when it stored them.
 *
 * @param instance the sending instance in a shared run, or "" for a run of one instance
 * @param lines    in the order they were logged, {@code seq} increasing by one
 */
public record LogBatch(String instance, List<Line> lines) {

    public LogBatch {
        instance = instance == null ? "" : instance;
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One logged line.
     *
     * @param seq       the runner's line number, from 1, per instance
     * @param t         when it was logged, epoch milliseconds
     * @param level     debug, info, warn or error
     * @param message   the text as printed (secrets redacted)
     * @param source    {@code console} (console.*), {@code stacktrace} (a script error, as k6 names it)
     *                  or {@code weft} (the runner itself)
     * @param vu        the VU that logged it, or null (init of the test, the runner)
     * @param iteration the VU's iteration in its scenario, or null outside an iteration
     * @param scenario  the scenario of that iteration, or null
     */
    public record Line(long seq, long t, String level, String message, String source, Integer vu, Long iteration,
            String scenario) {
    }

    /**
     * The answer to a pushed batch.
     *
     * @param stored     lines stored now
     * @param duplicates lines already stored by an earlier send of the same lines
     * @param dropped    lines the service did not keep: the run reached its line limit
     */
    public record Answer(long stored, long duplicates, long dropped) {
    }
}
