package dev.weft.vu;

/**
 * Makes VUs: runs the script's init code in a fresh runtime instance. Called once per VU, on
 * the thread that will own the VU, from many threads at once.
 */
@FunctionalInterface
public interface VuFactory {
    Vu create(int id) throws VuInitException;

    /**
     * Makes inits still running (and any started later) fail soon, because initialisation has
     * already failed. Called once, from the thread that initialises the pool; the default does
     * nothing and those inits run to their end.
     */
    default void cancelInits() {
    }
}
