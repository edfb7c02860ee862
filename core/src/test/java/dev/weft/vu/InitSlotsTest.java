package dev.weft.vu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InitSlotsTest {
    @Test
    void noMoreVusRunInitCodeAtOnceThanThereAreSlotsAndTheListenerHearsOfEach() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FakeVuFactory fake = new FakeVuFactory();
        VuFactory busy = id -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
                return fake.create(id);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        };
        ConcurrentLinkedQueue<Integer> heard = new ConcurrentLinkedQueue<>();
        VuFactory slotted = new InitSlots(2).around(busy, heard::add);
        List<VuThread> threads = java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(i -> VuThread.start(i, slotted)).toList();
        threads.forEach(t -> t.initialized().join());
        assertThat(most.get()).isBetween(1, 2);
        assertThat(heard).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        threads.forEach(VuThread::close);
    }

    @Test
    void aFailedInitFreesItsSlotAndIsNotReported() {
        ConcurrentLinkedQueue<Integer> heard = new ConcurrentLinkedQueue<>();
        VuFactory slotted = new InitSlots(1).around(new FakeVuFactory().failInitOf(1), heard::add);
        VuThread failed = VuThread.start(1, slotted);
        VuThread next = VuThread.start(2, slotted);
        assertThat(next.initialized().join().id()).isEqualTo(2);
        assertThat(failed.initialized().handle((vu, error) -> error)
                .join()).isInstanceOf(VuInitException.class);
        assertThat(heard).containsExactly(2);
        next.close();
    }
}
