package dev.weft.output.cloud;

import dev.weft.cloud.wire.LogBatch;
import dev.weft.output.LogLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cloud output's log lines waiting for the {@link LogSender}: at most {@code capacity}
 * lines (WEFT_CLOUD_LOG_BUFFER_LINES, default {@value #DEFAULT_CAPACITY}); a line that finds it
 * full is dropped and counted, and one warning line in its place says how many were dropped
 * there, so the run's log shows the gap where it is. Lines are numbered from 1 as they are
 * accepted. The CLI's log writer thread adds, the sender takes; the lock is held only to copy.
 */
final class LogBuffer {
    static final int DEFAULT_CAPACITY = 10_000;
    /** Longest message sent; the service keeps at most 8 KiB anyway. */
    static final int MAX_MESSAGE_CHARS = 8192;

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    /** {@link LogBatch.Line}s and {@link Gap}s in the order they happened. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private Gap openGap;
    private long nextSeq = 1;
    private long accepted;
    private long dropped;
    private boolean closed;

    /** Lines dropped in a row while the buffer was full; sent as one note at the place of the gap. */
    private static final class Gap {
        final long seq;
        final long t;
        long lines;

        Gap(long seq, long t) {
            this.seq = seq;
            this.t = t;
        }
    }

    LogBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("WEFT_CLOUD_LOG_BUFFER_LINES must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The capacity from WEFT_CLOUD_LOG_BUFFER_LINES, else the default. */
    static LogBuffer fromEnv(Map<String, String> env) {
        String v = env == null ? null : env.get("WEFT_CLOUD_LOG_BUFFER_LINES");
        if (v == null || v.isBlank()) {
            return new LogBuffer(DEFAULT_CAPACITY);
        }
        try {
            return new LogBuffer(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("WEFT_CLOUD_LOG_BUFFER_LINES must be a whole number, got '" + v + "'");
        }
    }

    /** Keeps the line, or counts it as dropped when the buffer is full; never waits. False once closed. */
    boolean add(LogLine line) {
        String message = line.message() == null ? "" : line.message();
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + " [cut: " + message.length() + " characters]";
        }
        LogLine.Origin o = line.origin() == null ? LogLine.Origin.CONSOLE : line.origin();
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (queue.size() >= capacity) {
                dropped++;
                if (openGap == null) {
                    // one slot past the capacity at most per gap: the note of where lines are missing
                    openGap = new Gap(nextSeq++, line.timeMillis());
                    queue.add(openGap);
                }
                openGap.lines++;
                return true;
            }
            openGap = null;
            accepted++;
            queue.add(new LogBatch.Line(nextSeq++, line.timeMillis(), line.level(), message, o.source(), o.vu(),
                    o.iteration(), o.scenario()));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lines taken out for one batch.
     *
     * @param notes how many of them are notes of dropped lines rather than logged lines
     */
    record Taken(List<LogBatch.Line> lines, int notes) {
        /** Logged lines in the batch, notes not counted. */
        long logged() {
            return lines.size() - notes;
        }
    }

    /** Up to {@code max} of the oldest lines (a gap becomes one warning line), taken out. */
    Taken take(int max) {
        lock.lock();
        try {
            int notes = 0;
            List<LogBatch.Line> out = new ArrayList<>(Math.min(max, queue.size()));
            while (out.size() < max && !queue.isEmpty()) {
                Object next = queue.pollFirst();
                if (next instanceof Gap gap) {
                    if (gap == openGap) {
                        openGap = null;
                    }
                    notes++;
                    out.add(new LogBatch.Line(gap.seq, gap.t, "warn", gap.lines + " log lines were dropped here: the "
                            + "runner's log buffer (" + capacity + " lines) was full while the service was slow or "
                            + "unreachable", "weft", null, null, null));
                } else {
                    out.add((LogBatch.Line) next);
                }
            }
            return new Taken(out, notes);
        } finally {
            lock.unlock();
        }
    }

    /** Lines waiting now. */
    int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more lines; returns how many lines were still waiting (they are given up on) and empties it. */
    long close() {
        lock.lock();
        try {
            closed = true;
            long left = queue.stream().filter(o -> o instanceof LogBatch.Line).count();
            queue.clear();
            openGap = null;
            return left;
        } finally {
            lock.unlock();
        }
    }

    /** Lines accepted so far. */
    long accepted() {
        lock.lock();
        try {
            return accepted;
        } finally {
            lock.unlock();
        }
    }

    /** Lines dropped because the buffer was full, so far. */
    long droppedFull() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
