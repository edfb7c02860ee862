package dev.weft.output.cloud;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What became of the run's log lines at the cloud output: stored by the service, or dropped,
 * per reason. The log sender writes it, the CLI reads the line for the end of the run.
 * Thread-safe.
 */
final class LogTally {
    /** Why log lines were not stored. */
    enum Reason {
        BUFFER_FULL("the log buffer was full while the service was slow or unreachable"),
        SERVICE_LIMIT("the run reached the service's log line limit"),
        NOT_SUPPORTED("the service does not take logs (genuine k6 cloud)"),
        REFUSED("the service refused the batch"),
        STOP_TIMEOUT("not delivered before the stop timeout");

        final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Reason, Long> dropped = new EnumMap<>(Reason.class);
    private long stored;
    private long batches;

    void stored(long lines) {
        lock.lock();
        try {
            stored += lines;
            batches++;
        } finally {
            lock.unlock();
        }
    }

    void dropped(Reason reason, long lines) {
        if (lines <= 0) {
            return;
        }
        lock.lock();
        try {
            dropped.merge(reason, lines, Long::sum);
        } finally {
            lock.unlock();
        }
    }

    long stored() {
        lock.lock();
        try {
            return stored;
        } finally {
            lock.unlock();
        }
    }

    /** Lines dropped for {@code reason} so far. */
    long dropped(Reason reason) {
        lock.lock();
        try {
            return dropped.getOrDefault(reason, 0L);
        } finally {
            lock.unlock();
        }
    }

    long droppedTotal() {
        lock.lock();
        try {
            return dropped.values().stream().mapToLong(Long::longValue).sum();
        } finally {
            lock.unlock();
        }
    }

    /**
     * One line for the end of the run, e.g. {@code cloud: logs: the service stored 12 of 12 lines
     * logged; nothing dropped}.
     */
    String summaryLine(long logged) {
        lock.lock();
        try {
            StringBuilder b = new StringBuilder("cloud: logs: the service stored ").append(stored).append(" of ")
                    .append(logged).append(" lines logged");
            if (dropped.isEmpty()) {
                return b.append("; nothing dropped").toString();
            }
            b.append("; dropped ").append(dropped.values().stream().mapToLong(Long::longValue).sum()).append(": ");
            String sep = "";
            for (Map.Entry<Reason, Long> e : dropped.entrySet()) {
                b.append(sep).append(e.getValue()).append(" because ").append(e.getKey().text);
                sep = ", ";
            }
            return b.toString();
        } finally {
            lock.unlock();
        }
    }
}
