package dev.weft.vu;

import java.util.concurrent.Semaphore;

/**
 * Lets at most {@code slots} VUs run their init code at a time, in the order they asked. With a
 * virtual thread per VU, 10,000 inits would otherwise start together and fight over the script
 * runtime's engine-wide locks (GraalJS creates every context under one lock: 10,000 VUs spent
 * a quarter of their init CPU spinning on it); one init per core keeps every core busy without
 * that. Used by {@link VuPool#initialise} from the VUs' own threads.
 */
final class InitSlots {
    private final Semaphore slots;

    InitSlots(int slots) {
        this.slots = new Semaphore(Math.max(1, slots), true);
    }

    /**
     * {@code factory} made to wait for a slot, and to tell {@code ready} the id of each VU whose
     * init code ran; cancelling its inits cancels {@code factory}'s.
     */
    VuFactory around(VuFactory factory, java.util.function.IntConsumer ready) {
        return new VuFactory() {
            @Override
            public Vu create(int id) throws VuInitException {
                try {
                    slots.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new VuInitException("VU " + id + ": interrupted before its init code ran", e);
                }
                Vu vu;
                try {
                    vu = factory.create(id);
                } finally {
                    slots.release();
                }
                ready.accept(id);
                return vu;
            }

            @Override
            public void cancelInits() {
                factory.cancelInits();
            }
        };
    }
}
