package dev.weft.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void theInitLineSaysHowManyVusAreInitialisedAsK6Does() {
        assertThat(Progress.initLine(420, 1000)).isEqualTo("init [  42% ] 420/1000 VUs initialized");
        assertThat(Progress.initLine(0, 3)).isEqualTo("init [   0% ] 0/3 VUs initialized");
        assertThat(Progress.initLine(3, 3)).isEqualTo("init [ 100% ] 3/3 VUs initialized");
    }
}
