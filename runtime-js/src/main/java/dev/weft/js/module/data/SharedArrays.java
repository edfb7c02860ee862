package dev.weft.js.module.data;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The test's SharedArrays by name. The first VU to ask for a name builds it (runs the script's
 * function) while later askers wait; a failed build stores nothing, so the next VU tries again,
 * as k6 does. Thread-safe; called from VU threads during init code.
 */
public final class SharedArrays {
    private final ConcurrentHashMap<String, SharedArrayData> arrays = new ConcurrentHashMap<>();
    private final ReentrantLock building = new ReentrantLock();

    /** The array called {@code name}, built by {@code build} on this thread if nobody has yet. */
    public SharedArrayData getOrBuild(String name, Supplier<SharedArrayData> build) {
        SharedArrayData data = arrays.get(name);
        if (data != null) {
            return data;
        }
        // one lock for all names (as k6): builds are rare, init-time, and may nest
        building.lock();
        try {
            data = arrays.get(name);
            if (data == null) {
                data = build.get();
                arrays.put(name, data);
            }
            return data;
        } finally {
            building.unlock();
        }
    }
}
