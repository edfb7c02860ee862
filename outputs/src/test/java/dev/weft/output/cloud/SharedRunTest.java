package dev.weft.output.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the shared-run settings from the environment. */
class SharedRunTest {
    @Test
    void withoutSettingsTheRunIsNotShared() {
        SharedRun s = SharedRun.resolve(Map.of());

        assertThat(s.shared()).isFalse();
        assertThat(s.runKey()).isNull();
        assertThat(s.instanceId()).isNotBlank();
    }

    @Test
    void aKeyCountAndIdAreRead() {
        SharedRun s = SharedRun.resolve(Map.of("WEFT_CLOUD_RUN_KEY", " job-1 ", "WEFT_CLOUD_INSTANCES", "3",
                "WEFT_CLOUD_INSTANCE_ID", "pod-2"));

        assertThat(s).isEqualTo(new SharedRun("job-1", 3, "pod-2", null));
        assertThat(s.shared()).isTrue();
    }

    @Test
    void anIndexedJobsCompletionIndexIsTheDefaultInstanceId() {
        assertThat(SharedRun.resolve(Map.of("WEFT_CLOUD_RUN_KEY", "k", "JOB_COMPLETION_INDEX", "4")).instanceId())
                .isEqualTo("4");
    }

    @Test
    void aPushReferenceIsShared() {
        SharedRun s = SharedRun.resolve(Map.of("K6_CLOUD_PUSH_REF_ID", "17"));

        assertThat(s.pushRefId()).isEqualTo("17");
        assertThat(s.shared()).isTrue();
    }

    @Test
    void aKeyAndAPushReferenceTogetherAreRefused() {
        assertThatThrownBy(() -> SharedRun.resolve(Map.of("WEFT_CLOUD_RUN_KEY", "k", "K6_CLOUD_PUSH_REF_ID", "1")))
                .hasMessageContaining("not both");
    }

    @Test
    void aCountThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> SharedRun.resolve(Map.of("WEFT_CLOUD_INSTANCES", "0")))
                .hasMessageContaining("WEFT_CLOUD_INSTANCES must be a positive whole number");
    }
}
