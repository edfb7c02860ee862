package dev.weft.vu;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Judges, as VUs finish their init code, whether the heap can hold every VU being made, so a
 * test whose VUs cannot fit stops within seconds with a one-line error saying what a VU costs and
 * what to do, instead of the JVM collecting garbage for minutes before running out.
 *
 * <p>First a cheap projection: what heap use as reported (garbage included) grew by per VU since
 * the first VU (which carries one-time costs: compiled code, shared caches). Only when that does
 * not fit is the live heap measured, after a full collection: three times a few VUs apart (a
 * hundredth of the VUs, 3 to 50), then at most once every twentieth of the VUs, and never again
 * once the VUs are projected to take at most half of what they may (each full collection took
 * seconds with 10,000 VUs: twenty of them doubled such a run's CPU and wall time). A VU's cost is the smaller of the growth per VU since
 * the first measurement and over the last interval, and the test stops only once two intervals
 * project past the heap: a one-time allocation between two measurements (10,000 VUs once stopped
 * at "2.2 MB per VU" for a ~0.1 MB VU) fails nothing. A run whose VUs fit sees no
 * forced collection (one would shrink the heap the test then runs with). Used as an {@link
 * InitListener}: called from many VU threads at once, so its state is under a lock.
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
    private long firstUsed;
    private int firstLiveAt;
    private long firstLive;
    private int lastLiveAt;
    private long lastLive;
    private boolean overOnce;
    private boolean settled;

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
                System.gc(); // a full collection, only when the cheap projection does not fit
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
            firstAt = initialised;
            firstUsed = heap.used();
            return;
        }
        if (settled || initialised >= total || initialised - firstAt < SAMPLE) {
            return; // measured to fit with room to spare, all made (so they fit), or too few to tell
        }
        long limit = (long) (heap.max() * SHARE);
        long used = heap.used();
        if (used + Math.max(0, used - firstUsed) / (initialised - firstAt) * (total - initialised) <= limit) {
            return; // fits even counting garbage as live: no collection needed
        }
        if (firstLiveAt == 0) {
            firstLive = heap.liveAfterCollection();
            firstLiveAt = initialised;
            lastLiveAt = initialised;
            lastLive = firstLive;
            if (firstLive > limit) {
                throw new VuInitException(message(total, -1, -1, heap.max()), null);
            }
            return; // later measurements, some VUs on, give the cost of one
        }
        // the first VUs still fill engine-wide caches (shapes, shared code, the HTTP warm-up):
        // intervals of up to 50 VUs, not 3, keep that from reading as the cost of every VU
        int gap = lastLiveAt == firstLiveAt || overOnce ? Math.max(SAMPLE, Math.min(total / 100, 50))
                : Math.max(SAMPLE, total / 20);
        if (initialised - lastLiveAt < gap) {
            return;
        }
        long live = heap.liveAfterCollection();
        // per VU since the first measurement and over the last interval alone: a one-time
        // allocation between two measurements (the HTTP warm-up, engine caches) inflates only one
        long sinceFirst = Math.max(0, live - firstLive) / (initialised - firstLiveAt);
        long recent = lastLiveAt == firstLiveAt ? sinceFirst : Math.max(0, live - lastLive) / (initialised - lastLiveAt);
        long perVu = Math.min(sinceFirst, recent);
        boolean firstInterval = lastLiveAt == firstLiveAt;
        lastLiveAt = initialised;
        lastLive = live;
        long needed = live + perVu * (total - initialised);
        if (needed <= limit / 2) {
            settled = true; // each full collection costs seconds with 10,000 VUs: no more of them
        } else if (needed <= limit) {
            overOnce = false;
        } else if (firstInterval) {
            overOnce = true; // one interval may hold a one-time cost: confirm over the next one
        } else {
            throw new VuInitException(message(total, needed, perVu, heap.max()), null);
        }
    }

    /** The one-line error for VUs that do not fit in the heap; {@code needed} -1 when the heap is full already. */
    static String message(int total, long needed, long perVu, long max) {
        String need = needed < 0 ? "the VUs made so far fill the heap"
                : "it needs about " + bytes(needed) + " of heap (" + bytes(perVu) + " per VU)";
        return String.format(Locale.ROOT, "initialising %d VUs: %s but the heap holds at most %s: share big data "
                + "between VUs with SharedArray, run fewer VUs, or give Weft more heap with "
                + "WEFT_JAVA_OPTS=-Xmx<size>", total, need, bytes(max));
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
