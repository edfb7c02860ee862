package dev.weft.executor;

/**
 * When each iteration of an arrival-rate scenario should start, as offsets from the
 * scenario's start. Already holds only this instance's share (the execution segment's
 * stripes). Not thread-safe: read by the scenario's scheduler thread alone.
 */
interface ArrivalSchedule {
    /** The next start offset in nanoseconds (never decreasing), or -1 when there are no more. */
    long next();
}
