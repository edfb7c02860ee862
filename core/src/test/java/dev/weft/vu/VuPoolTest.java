package dev.weft.vu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VuPoolTest {
    @Test
    void initialisesEveryVuOnItsOwnThreadAndLendsEachOnce() throws Exception {
        FakeVuFactory factory = new FakeVuFactory();
        try (VuPool pool = VuPool.initialise(3, factory)) {
            List<VuThread> borrowed = new ArrayList<>();
            VuThread t;
            while ((t = pool.borrow()) != null) {
                borrowed.add(t);
            }
            assertThat(borrowed).extracting(VuThread::id).containsExactlyInAnyOrder(1, 2, 3);
            for (VuThread vu : borrowed) {
                vu.submit(v -> v.runIteration(new dev.weft.vu.IterationContext("default", "s", 0, 0,
                        dev.weft.metrics.Tags.EMPTY, null))).join();
            }
            assertThat(factory.recording().starts()).extracting(RecordingVus.Start::thread)
                    .containsExactlyInAnyOrder("vu-1", "vu-2", "vu-3");
            borrowed.forEach(pool::giveBack);
        }
        assertThat(factory.recording().closedVus()).isEqualTo(3);
    }

    @Test
    void aFailedInitClosesTheOthersItMadeAndReportsTheError() {
        FakeVuFactory factory = new FakeVuFactory().failInitOf(2);
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        VuFactory counting = id -> {
            Vu vu = factory.create(id);
            made.incrementAndGet();
            return vu;
        };
        assertThatThrownBy(() -> VuPool.initialise(3, counting)).isInstanceOf(VuInitException.class)
                .hasMessageContaining("init failed for VU 2");
        assertThat(made.get()).isBetween(1, 2);
        assertThat(factory.recording().closedVus()).isEqualTo(made.get());
    }

    @Test
    void theListenerHearsOfEachInitialisedVuWithTheCountSoFar() throws Exception {
        List<Integer> counts = java.util.Collections.synchronizedList(new ArrayList<>());
        try (VuPool pool = VuPool.initialise(5, new FakeVuFactory(), (n, total) -> {
            assertThat(total).isEqualTo(5);
            counts.add(n);
        })) {
            assertThat(pool.size()).isEqualTo(5);
        }
        assertThat(counts).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void aListenerThatRefusesStopsInitialisationClosesTheMadeVusAndCancelsTheRest() {
        FakeVuFactory factory = new FakeVuFactory();
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        VuFactory cancellable = new VuFactory() {
            @Override
            public Vu create(int id) throws VuInitException {
                made.incrementAndGet();
                return factory.create(id);
            }

            @Override
            public void cancelInits() {
                cancelled.set(true);
            }
        };
        assertThatThrownBy(() -> VuPool.initialise(4, cancellable, (n, total) -> {
            if (n == 2) {
                throw new VuInitException("too big", null);
            }
        })).isInstanceOf(VuInitException.class).hasMessage("too big");
        assertThat(cancelled).isTrue();
        assertThat(made.get()).isGreaterThanOrEqualTo(2);
        assertThat(factory.recording().closedVus()).as("every VU made is closed").isEqualTo(made.get());
    }

    @Test
    void aVuThatRunsOutOfHeapInInitFailsWithWhatToDo() {
        VuFactory greedy = id -> {
            throw new OutOfMemoryError("Java heap space");
        };
        assertThatThrownBy(() -> VuPool.initialise(3, greedy)).isInstanceOf(VuInitException.class)
                .hasMessageContaining("of 3 ran out of heap during init")
                .hasMessageContaining("SharedArray").hasMessageContaining("WEFT_JAVA_OPTS=-Xmx");
    }
}
