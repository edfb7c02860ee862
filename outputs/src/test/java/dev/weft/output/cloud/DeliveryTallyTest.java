package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryTallyTest {
    private static Batch batch(long samples, int aggregates) {
        return new Batch("id", "/v2/metrics/1", Map.of(), new byte[0], samples, aggregates);
    }

    @Test
    void whenAllArrivedTheLineSaysSoInOneLine() {
        DeliveryTally tally = new DeliveryTally();
        tally.measured(1200);
        tally.sent(batch(1000, 40), 1000);
        tally.sent(batch(200, 17), 200);

        String line = DeliveryTally.summaryLine(tally.stats(new SeriesBuffer.Stats(0, 1, 0, 0, 0), 0));
        assertThat(line).isEqualTo("cloud: the service confirmed 1200 of 1200 samples measured "
                + "(57 series-seconds in 2 batches); nothing dropped");
    }

    @Test
    void dropsAreCountedPerReasonWithTheBuffersOwn() {
        DeliveryTally tally = new DeliveryTally();
        tally.measured(1000);
        tally.sent(batch(500, 10), 480);
        tally.dropped(DropReason.STOP_TIMEOUT, 100, 4);
        tally.dropped(DropReason.STOP_TIMEOUT, 50, 0);
        tally.dropped(DropReason.REFUSED, 0, 0);

        CloudOutputStats stats = tally.stats(new SeriesBuffer.Stats(0, 1, 3, 7, 350), 0);
        assertThat(stats.totalDroppedSamples()).isEqualTo(500);
        assertThat(stats.droppedSamples()).containsOnlyKeys("BUFFER_FULL", "STOP_TIMEOUT");
        assertThat(DeliveryTally.summaryLine(stats)).isEqualTo("cloud: the service confirmed 480 of 1000 samples "
                + "measured (10 series-seconds in 1 batches, 500 sent); 3 times seconds were merged to save memory; "
                + "dropped 500 samples: 350 (7 series-seconds) because the buffer was full while the service was "
                + "slow or unreachable, 150 (4 series-seconds) because not delivered before the stop timeout")
                .doesNotContain("\n");
    }
}
