package dev.weft.vu;

/**
 * Told of each VU whose init code finished, for init progress and the heap check. {@link
 * VuPool#initialise} calls it once per initialised VU, on that VU's own thread, so from many
 * threads at once: implementations are thread-safe and quick.
 */
@FunctionalInterface
public interface InitListener {
    /** Listens to nothing. */
    InitListener NONE = (initialised, total) -> { };

    /**
     * @param initialised how many VUs have finished init so far, this one included
     * @param total       how many VUs are being initialised
     * @throws VuInitException to stop initialising: {@link VuPool#initialise} then fails with it
     */
    void vuInitialised(int initialised, int total) throws VuInitException;
}
