package dev.weft.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BackgroundBatchWriterTest {
    private static final Sample ONE = new Sample(BuiltinMetrics.ITERATIONS, Tags.EMPTY, 0, 1);

    @Test
    void closeWritesEveryQueuedBatchThenFlushes() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        BackgroundBatchWriter w = new BackgroundBatchWriter("test", 2, new BackgroundBatchWriter.BatchHandler() {
            @Override
            public void write(List<Sample> batch) {
                events.add("write " + batch.size());
            }

            @Override
            public void flush() {
                events.add("flush");
            }
        });
        w.start();
        for (int i = 1; i <= 5; i++) {
            w.submit(java.util.Collections.nCopies(i, ONE));
        }
        w.close();
        assertThat(events.stream().filter(e -> e.startsWith("write")))
                .containsExactly("write 1", "write 2", "write 3", "write 4", "write 5");
        assertThat(events).last().isEqualTo("flush");
    }

    @Test
    void aWriteErrorIsThrownFromCloseAndLaterBatchesAreStillTaken() throws Exception {
        BackgroundBatchWriter w = new BackgroundBatchWriter("test", 1, new BackgroundBatchWriter.BatchHandler() {
            @Override
            public void write(List<Sample> batch) throws IOException {
                throw new IOException("no space left");
            }

            @Override
            public void flush() {
            }
        });
        w.start();
        for (int i = 0; i < 10; i++) {
            w.submit(List.of(ONE));
        }
        assertThatThrownBy(w::close).hasMessage("no space left");
    }

    @Test
    void submitWaitsWhileMoreSamplesThanTheBoundAreQueued() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<Integer> written = new CopyOnWriteArrayList<>();
        BackgroundBatchWriter w = new BackgroundBatchWriter("test", 10, new BackgroundBatchWriter.BatchHandler() {
            @Override
            public void write(List<Sample> batch) throws IOException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                written.add(batch.size());
            }

            @Override
            public void flush() {
            }
        });
        w.start();
        w.submit(java.util.Collections.nCopies(8, ONE));
        Thread second = Thread.ofVirtual().start(() -> w.submit(java.util.Collections.nCopies(8, ONE)));
        second.join(300);
        assertThat(second.isAlive()).as("8 + 8 samples exceed the bound of 10").isTrue();
        release.countDown();
        second.join();
        w.close();
        assertThat(written).containsExactly(8, 8);
    }
}
