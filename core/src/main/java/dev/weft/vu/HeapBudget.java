package dev.weft.vu;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Judges, as VUs finish their init code, whether the heap can hold every VU being made, so a
 * test whose VUs cannot fit stops within seconds with a one-line error saying what a VU costs and
 * what to do, instead of the JVM collecting garbage for minutes before running out.
 *
 * <p>The cost of a VU is what the heap grew by per VU since the first one was made (the first
 * carries one-time costs: compiled code, shared caches). Heap use as reported counts garbage too,
 * so only when that cheap projection does not fit is the live heap measured, after a full
 * collection, and at most once every twentieth of the VUs. Used as an {@link InitListener}: called
 * from many VU threads at once, so its state is under a lock.
 */
public final class HeapBudget implements InitListener {
    /** What the JVM's heap holds: usage as reported, live usage after a full collection, the bound. */
    public interface Heap {
        long used();

        long liveAfterCollection();

        long max();
    }

    /** How much of the heap the VUs may take; the rest is for running the test. */
    static final double SHARE = 0.9;
    /** How many VUs past the first must be made before a projection is trusted. */
    static final int SAMPLE = 3;

    private final Heap heap;
    private final ReentrantLock lock = new ReentrantLock();
    private int firstAt;
    private long firstLive;
    private int measuredAt;

    public HeapBudget(Heap heap) {
        this.heap = heap;
    }

    /**
     * A budget over this JVM's heap; none (every VU passes, only running out of heap stops
     * initialisation) when {@code -XX:+DisableExplicitGC} makes the live heap unmeasurable.
     */
    public static InitListener ofThisJvm() {
        if (explicitGcDisabled()) {
            return InitListener.NONE;
        }
        var memory = ManagementFactory.getMemoryMXBean();
        return new HeapBudget(new Heap() {
            @Override
            public long used() {
                return memory.getHeapMemoryUsage().getUsed();
            }

            @Override
            public long liveAfterCollection() {
                System.gc(); // a full collection: once for the first VU, then at most every twentieth of them
                return memory.getHeapMemoryUsage().getUsed();
            }

            @Override
            public long max() {
                return Runtime.getRuntime().maxMemory();
            }
        });
    }

    private static boolean explicitGcDisabled() {
        try {
            var diagnostics = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return diagnostics != null && "true".equals(diagnostics.getVMOption("DisableExplicitGC").getValue());
        } catch (IllegalArgumentException | LinkageError e) {
            return false; // not HotSpot: System.gc() is assumed to collect
        }
    }

    @Override
    public void vuInitialised(int initialised, int total) throws VuInitException {
        if (total <= 1 || heap.max() == Long.MAX_VALUE) {
            return;
        }
        lock.lock();
        try {
            check(initialised, total);
        } finally {
            lock.unlock();
        }
    }

    private void check(int initialised, int total) throws VuInitException {
        if (firstAt == 0) {
            firstLive = heap.liveAfterCollection();
            firstAt = initialised;
            return;
        }
        if (initialised >= total || initialised - firstAt < SAMPLE) {
            return; // all made (so they fit), or too few to tell
        }
        long limit = (long) (heap.max() * SHARE);
        if (projected(heap.used(), initialised, total) <= limit) {
            return; // fits even counting garbage as live
        }
        if (measuredAt > 0 && initialised - measuredAt < Math.max(1, total / 20)) {
            return; // the live heap was measured lately and fitted then
        }
        long live = heap.liveAfterCollection();
        measuredAt = initialised;
        long needed = projected(live, initialised, total);
        if (needed > limit) {
            throw new VuInitException(message(total, needed, perVu(live, initialised), heap.max()), null);
        }
    }

    /** Heap use once all {@code total} VUs are made, if each further one costs what those so far did. */
    private long projected(long used, int initialised, int total) {
        return used + perVu(used, initialised) * (total - initialised);
    }

    private long perVu(long used, int initialised) {
        return Math.max(0, used - firstLive) / (initialised - firstAt);
    }

    /** The one-line error for VUs that do not fit in the heap. */
    static String message(int total, long needed, long perVu, long max) {
        return String.format(Locale.ROOT, "initialising %d VUs needs about %s of heap (%s per VU) but the heap holds "
                + "at most %s: share big data between VUs with SharedArray, run fewer VUs, or give Weft more "
                + "heap with WEFT_JAVA_OPTS=-Xmx<size>", total, bytes(needed), bytes(perVu), bytes(max));
    }

    /** The one-line error for a VU whose init ran out of heap before the budget saw it coming. */
    public static String outOfHeap(int vu, int total) {
        return String.format(Locale.ROOT, "VU %d of %d ran out of heap during init (the heap holds at most %s): share "
                + "big data between VUs with SharedArray, run fewer VUs, or give Weft more heap with "
                + "WEFT_JAVA_OPTS=-Xmx<size>", vu, total, bytes(Runtime.getRuntime().maxMemory()));
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", n / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f kB", n / 1024.0);
    }
}
