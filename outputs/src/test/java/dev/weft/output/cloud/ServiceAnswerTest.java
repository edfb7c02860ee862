package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ServiceAnswerTest {
    @ParameterizedTest(name = "no answer from \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "<html>login</html>", "[1,2]", "\"ok\"", "{broken"})
    void aBodyThatIsNotAJsonObjectIsNoAnswer(String body) {
        assertThat(ServiceAnswer.read(body)).isEmpty();
    }

    @Test
    void anAnswerWithoutCountsConfirmsWhatWasSent() {
        ServiceAnswer a = ServiceAnswer.read("{\"duplicate\":false,\"aggregates\":12,\"series\":4}").orElseThrow();
        assertThat(a.confirmed(300)).isEqualTo(300);
        assertThat(a.overflowWarning()).isEmpty();
    }

    @Test
    void whatWasSentMinusWhatTheServiceLostIsWhatItConfirmed() {
        ServiceAnswer a = ServiceAnswer.read("{\"samples\":300,\"lost_samples\":20,\"overflow_samples\":0,"
                + "\"warnings\":[]}").orElseThrow();
        assertThat(a.confirmed(300)).isEqualTo(280);
    }

    @Test
    void theServicesValueCountDoesNotShrinkWhatItConfirmed() {
        // over k6's v2 protocol a counter's second is one value however many samples made it
        ServiceAnswer a = ServiceAnswer.read("{\"samples\":120,\"lost_samples\":0}").orElseThrow();
        assertThat(a.confirmed(300)).isEqualTo(300);
    }

    @Test
    void overflowSamplesGiveTheServicesOwnWarningOrASentenceOfOurOwn() {
        assertThat(ServiceAnswer.read("{\"samples\":10,\"overflow_samples\":4,\"warnings\":[\"run 7 reached its "
                + "budget of 10000 series\"]}").orElseThrow().overflowWarning())
                .contains("run 7 reached its budget of 10000 series");
        assertThat(ServiceAnswer.read("{\"samples\":10,\"overflow_samples\":4}").orElseThrow().overflowWarning())
                .hasValueSatisfying(w -> assertThat(w).contains("overflow series", "totals and percentiles stay exact"));
    }
}
