package dev.weft.vu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapBudgetTest {
    private static final long MB = 1L << 20;

    /** A heap whose live size and garbage the test sets; counts full collections. */
    private static final class FakeHeap implements HeapBudget.Heap {
        long live;
        long garbage;
        long max = 1024 * MB;
        int collections;

        @Override
        public long used() {
            return live + garbage;
        }

        @Override
        public long liveAfterCollection() {
            collections++;
            garbage = 0;
            return live;
        }

        @Override
        public long max() {
            return max;
        }
    }

    /** Makes VUs 1..n, each adding {@code perVu} live bytes (the first also {@code firstExtra}). */
    private static void make(HeapBudget budget, FakeHeap heap, int from, int to, int total, long perVu)
            throws VuInitException {
        for (int n = from; n <= to; n++) {
            heap.live += perVu;
            budget.vuInitialised(n, total);
        }
    }

    @Test
    void vusThatFitPassWithoutAnyFullCollection() throws Exception {
        FakeHeap heap = new FakeHeap();
        heap.live = 100 * MB;
        HeapBudget budget = new HeapBudget(heap);
        make(budget, heap, 1, 1000, 1000, MB / 2);
        assertThat(heap.collections).isZero();
    }

    @Test
    void vusThatCannotFitStopInitialisationEarlyWithTheCostPerVuAndWhatToDo() throws Exception {
        FakeHeap heap = new FakeHeap();
        heap.live = 100 * MB;
        HeapBudget budget = new HeapBudget(heap);
        assertThatThrownBy(() -> make(budget, heap, 1, 1000, 1000, 50 * MB))
                .isInstanceOf(VuInitException.class)
                .hasMessageContaining("initialising 1000 VUs: it needs about 48.9 GB of heap (50.0 MB per VU)")
                .hasMessageContaining("at most 1.0 GB")
                .hasMessageContaining("SharedArray").hasMessageContaining("fewer VUs")
                .hasMessageContaining("WEFT_JAVA_OPTS=-Xmx");
        assertThat(heap.live).as("stopped after two dozen VUs").isLessThan(100 * MB + 25 * 50 * MB);
        assertThat(heap.collections).isEqualTo(3);
    }

    @Test
    void theFirstVusOneTimeCostIsNotChargedToEveryVu() throws Exception {
        FakeHeap heap = new FakeHeap();
        heap.live = 300 * MB; // compiled code and caches made for the first VU
        HeapBudget budget = new HeapBudget(heap);
        make(budget, heap, 1, 500, 500, MB);
        assertThat(heap.live).isEqualTo(800 * MB);
    }

    @Test
    void aOneTimeAllocationBetweenTwoMeasurementsIsNotTakenForTheCostOfEveryVu() throws Exception {
        FakeHeap heap = new FakeHeap();
        heap.live = 700 * MB;
        heap.max = 4096 * MB;
        HeapBudget budget = new HeapBudget(heap);
        for (int n = 1; n <= 10_000; n++) {
            heap.live += 100 * 1024;
            heap.garbage += MB;
            if (n <= 20) {
                heap.live += MB; // the first VUs fill engine caches, the HTTP warm-up runs: not every VU's cost
            }
            budget.vuInitialised(n, 10_000);
        }
        assertThat(heap.live).as("all 10,000 made").isEqualTo(720 * MB + 10_000 * 100 * 1024L);
        assertThat(heap.collections).as("none once they were seen to fit with room to spare").isEqualTo(3);
    }

    @Test
    void aHeapAlreadyFullStopsAtTheFirstMeasurement() throws Exception {
        FakeHeap heap = new FakeHeap();
        HeapBudget budget = new HeapBudget(heap);
        assertThatThrownBy(() -> make(budget, heap, 1, 100, 100, 240 * MB))
                .isInstanceOf(VuInitException.class)
                .hasMessageContaining("initialising 100 VUs: the VUs made so far fill the heap")
                .hasMessageContaining("SharedArray");
        assertThat(heap.collections).isEqualTo(1);
    }

    @Test
    void garbageAloneDoesNotFailARunWhoseLiveVusFit() throws Exception {
        FakeHeap heap = new FakeHeap();
        HeapBudget budget = new HeapBudget(heap);
        for (int n = 1; n <= 100; n++) {
            heap.live += MB;
            heap.garbage += 60 * MB; // looks like 61 MB a VU until collected
            budget.vuInitialised(n, 100);
        }
        assertThat(heap.collections).as("live heap measured, at most every twentieth VU").isBetween(2, 21);
    }

    @Test
    void oneVuOrAnUnboundedHeapIsNotJudged() throws Exception {
        FakeHeap heap = new FakeHeap();
        heap.max = Long.MAX_VALUE;
        HeapBudget budget = new HeapBudget(heap);
        make(budget, heap, 1, 10, 10, 10_000 * MB);
        new HeapBudget(heap).vuInitialised(1, 1);
        assertThat(heap.collections).isZero();
    }

    @Test
    void sizesReadAsKilobytesMegabytesOrGigabytes() {
        assertThat(HeapBudget.bytes(512 * 1024)).isEqualTo("512.0 kB");
        assertThat(HeapBudget.bytes(52_428_800)).isEqualTo("50.0 MB");
        assertThat(HeapBudget.bytes(6L << 30)).isEqualTo("6.0 GB");
    }
}
