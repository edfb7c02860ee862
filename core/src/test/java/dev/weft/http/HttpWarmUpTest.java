package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class HttpWarmUpTest {
    @Test
    void theWarmUpsRoundTripsThroughTheEnginesOwnClientReachAThrowawayLoopbackServer() throws Exception {
        HttpEngine engine = new HttpEngine(HttpClientConfig.defaults(), Clock.systemUTC());
        assertThat(HttpWarmUp.run(engine)).isEqualTo(200);
    }
}
