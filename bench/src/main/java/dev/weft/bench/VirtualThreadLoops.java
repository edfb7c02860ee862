package dev.weft.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs N request loops, each on its own virtual thread, for a warm-up and then a measured
 * window, and reports the window's request rate and process CPU per request. Called from a
 * bench main thread; the loops run until the window ends (bounded in time).
 */
final class VirtualThreadLoops {
    /** One loop's body: makes one request, throws when it fails. Each loop gets its own. */
    interface Request {
        void run() throws Exception;
    }

    /** One loop's state, made on its own virtual thread; closed when the loop ends. */
    interface Loop extends AutoCloseable {
        Request request();

        @Override
        void close() throws Exception;
    }

    /** Makes the loop for loop number {@code i} (1-based). */
    interface LoopFactory {
        Loop create(int i) throws Exception;
    }

    /** A window's figures: requests per second, process CPU microseconds per request, cores used. */
    record Figures(double rate, double cpuMicrosPerRequest, double cores, long failures) {
    }

    private VirtualThreadLoops() {
    }

    static Figures measure(int loops, int warmupSeconds, int seconds, LoopFactory factory) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LongAdder measured = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean measuring = new AtomicBoolean();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds + seconds + 1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= loops; i++) {
            int id = i;
            threads.add(Thread.ofVirtual().name("loop-" + id).start(() -> {
                try (Loop loop = factory.create(id)) {
                    Request request = loop.request();
                    while (System.nanoTime() < end) {
                        try {
                            request.run();
                        } catch (Exception e) {
                            if (failed.sum() == 0) {
                                System.err.println("loop " + id + ": first failed request (counted, the loop goes on): " + e);
                            }
                            failed.increment();
                            continue;
                        }
                        if (measuring.get()) {
                            measured.increment();
                        }
                    }
                } catch (Exception e) {
                    failed.increment();
                    System.err.println("loop " + id + ": " + e);
                }
            }));
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        measuring.set(true);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        measuring.set(false);
        long cpu1 = os.getProcessCpuTime();
        long t1 = System.nanoTime();
        long n = measured.sum();
        for (Thread t : threads) {
            t.join();
        }
        double wall = (t1 - t0) / 1e9;
        double cpu = (cpu1 - cpu0) / 1e9;
        return new Figures(n / wall, cpu * 1e6 / Math.max(1, n), cpu / wall, failed.sum());
    }
}
