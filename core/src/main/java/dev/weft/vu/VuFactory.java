package dev.weft.vu;

/**
 * Makes VUs: runs the script's init code in a fresh runtime instance. Called once per VU, on
 * the thread that will own the VU, from many threads at once.
 */
@FunctionalInterface
public interface VuFactory {
    Vu create(int id) throws VuInitException;
}
