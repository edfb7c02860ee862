package dev.weft.vu;

/**
 * Told as each VU of a {@link VuPool} finishes its init code, for init progress displays.
 * Called once per initialised VU, on that VU's own thread, from many threads at once; it must
 * be quick and thread-safe.
 */
@FunctionalInterface
public interface InitListener {
    /** Nobody listens. */
    InitListener NONE = id -> { };

    /** VU {@code id}'s init code has run. */
    void initialised(int id);
}
