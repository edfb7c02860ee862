package dev.weft.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lifecycle.RunResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k6's {@code sleep()}: the host's function itself (no JS wrapper frames on a parked VU's
 * stack), taking what JS's {@code Number()} makes of its argument, as k6 does.
 */
class K6SleepTest {
    @TempDir
    Path dir;

    @Test
    void sleepTakesWhatNumberMakesOfItsArgumentAndNothingForNaNOrLess() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                import { sleep } from 'k6';
                export default function () {
                  const t0 = Date.now();
                  sleep('0.15');
                  sleep({ valueOf() { return 0.05; } });
                  sleep(); sleep(null); sleep(-1); sleep('not a number'); sleep(NaN); sleep(false);
                  console.log(typeof sleep + ' ' + (Date.now() - t0));
                }
                """);
        RunResult r = h.run("s.js", "{\"vus\": 1, \"iterations\": 1}");
        assertThat(r.failed()).as(String.valueOf(r.error())).isFalse();
        assertThat(h.logLines("info: function ")).hasSize(1);
        long sleptMillis = Long.parseLong(h.logLines("info: function ").get(0).substring("info: function ".length()));
        // 0.15 s + 0.05 s; the rest sleep not at all (a second more would mean one of them slept)
        assertThat(sleptMillis).isBetween(195L, 1_000L);
    }

    @Test
    void aSleepingVuParksWithoutAJsFrameBetweenItsFunctionAndTheHost() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                import { sleep } from 'k6';
                export default function () {
                  console.log('sleep is a ' + typeof sleep + ' of length ' + sleep.length);
                }
                """);
        RunResult r = h.run("s.js", "{\"vus\": 1, \"iterations\": 1}");
        assertThat(r.failed()).as(String.valueOf(r.error())).isFalse();
        // still a function to scripts; a JS function(seconds) calling the host would have length 1
        assertThat(h.logLines("info: sleep is")).containsExactly("info: sleep is a function of length 0");
    }
}
