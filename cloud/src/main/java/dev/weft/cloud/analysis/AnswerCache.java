package dev.weft.cloud.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The JSON answers of per-run endpoints for runs that are over (Finished or Timed out: their
 * data can no longer change), so the second opening of a run page, another user's, or the
 * HTML export's, costs nothing (also a test page's per-run trend figures). The {@link #CAPACITY} most recently used answers are kept.
 * Thread-safe; request threads share one.
 */
final class AnswerCache<V> {
    static final int CAPACITY = 512;
    /** Answers longer than this are not kept (a series split by a tag can be large). */
    static final int MAX_CHARS = 256 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, V> answers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > CAPACITY;
        }
    };

    V get(String key) {
        lock.lock();
        try {
            return answers.get(key);
        } finally {
            lock.unlock();
        }
    }

    void put(String key, V answer) {
        if (answer instanceof String json && json.length() > MAX_CHARS) {
            return;
        }
        lock.lock();
        try {
            answers.put(key, answer);
        } finally {
            lock.unlock();
        }
    }
}
