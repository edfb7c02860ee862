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
    void theListenerHearsOfEveryVuOnceItsInitCodeRan() throws Exception {
        java.util.concurrent.ConcurrentLinkedQueue<Integer> heard = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try (VuPool pool = VuPool.initialise(5, new FakeVuFactory(), heard::add)) {
            assertThat(heard).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
            assertThat(pool.size()).isEqualTo(5);
        }
    }

    @Test
    void aFailedInitClosesTheOthersAndReportsTheError() {
        FakeVuFactory factory = new FakeVuFactory().failInitOf(2);
        assertThatThrownBy(() -> VuPool.initialise(3, factory)).isInstanceOf(VuInitException.class)
                .hasMessageContaining("init failed for VU 2");
        assertThat(factory.recording().closedVus()).isEqualTo(2);
    }
}
