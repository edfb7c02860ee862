package dev.weft.js.module.timers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.js.JsSetupTeardown;
import dev.weft.js.JsVu;
import dev.weft.js.module.ScriptedVus;
import dev.weft.vu.IterationOutcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimersModuleTest {
    @Test
    void timersFireInDueOrderAndTheIterationEndsOnlyAfterTheLastOne() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                import { check } from 'k6';
                import { setTimeout, setInterval, clearInterval } from 'k6/timers';
                export default function () {
                  const order = [];
                  setTimeout(() => order.push('c'), 40);
                  setTimeout((x, y) => order.push(x + y), 0, 'a', '1');
                  setTimeout(() => order.push('a2'), 0);
                  setTimeout(() => order.push('b'), 15);
                  let ticks = 0;
                  const id = setInterval(() => {
                    if (++ticks === 3) {
                      clearInterval(id);
                      // checked a while after clearing, not at a fixed time: a loaded machine may run the ticks late
                      setTimeout(() => check(ticks, { 'interval ran until cleared': (t) => t === 3 }), 10);
                    }
                  }, 1);
                  Promise.resolve().then(() => order.push('micro'));
                  setTimeout(() => check(order, {
                    'order': (o) => o.join(',') === 'micro,a1,a2,b,c' || console.error(o.join(',')),
                  }), 60);
                }
                """)) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vus.logs()).isEmpty();
            assertThat(vus.checks()).containsOnly(java.util.Map.entry("order", true),
                    java.util.Map.entry("interval ran until cleared", true));
        }
    }

    @Test
    void timersAreGlobalsAndClearTimeoutCancels() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                import { check } from 'k6';
                export default function () {
                  let fired = false;
                  const id = setTimeout(() => { fired = true; }, 5);
                  clearTimeout(id);
                  setTimeout(() => check(fired, { 'cancelled timer never ran': (f) => f === false }), 20);
                }
                """)) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vus.checks()).containsExactly(java.util.Map.entry("cancelled timer never ran", true));
        }
    }

    @Test
    void anAsyncDefaultFunctionRunsToItsLastAwait() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                import { check } from 'k6';
                const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                export default async function () {
                  await wait(10);
                  const v = await Promise.all([wait(5).then(() => 1), Promise.resolve(2)]);
                  await wait(10);
                  check(v, { 'awaited': (x) => x.join() === '1,2' });
                }
                """)) {
            JsVu vu = vus.vu(1);
            assertThat(vus.iterate(vu, 0)).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vus.iterate(vu, 1)).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vus.checks()).containsExactly(java.util.Map.entry("awaited", true));
        }
    }

    @Test
    void aRejectedPromiseFailsTheIterationAndLogsItsStack() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                export default async function () {
                  await new Promise((r) => setTimeout(r, 1));
                  throw new Error('boom');
                }
                """)) {
            assertThat(vus.runOnce()).isEqualTo(IterationOutcome.FAILED);
            assertThat(vus.logs()).singleElement().satisfies(l -> assertThat(l)
                    .startsWith("error: Uncaught (in promise) Error: boom").contains("script.js:3"));
        }
    }

    @Test
    void anExceptionInATimerCallbackFailsTheIteration() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                export default function () {
                  setTimeout(() => { throw new Error('in timer'); }, 1);
                  setInterval(() => {}, 1000);
                }
                """)) {
            JsVu vu = vus.vu(1);
            assertThat(vus.iterate(vu, 0)).isEqualTo(IterationOutcome.FAILED);
            assertThat(vus.logs()).singleElement().satisfies(l -> assertThat(l).contains("in timer"));
        }
    }

    @Test
    void interruptingTheVuEndsAnEndlessInterval() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                import { check } from 'k6';
                export default function () {
                  setInterval(() => check(null, { 'tick': () => true }), 2);
                }
                """)) {
            JsVu vu = vus.vu(1);
            CompletableFuture<IterationOutcome> outcome = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> outcome.complete(vus.iterate(vu, 0)));
            waitFor(() -> !vus.checks().isEmpty());
            vu.interrupt();
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(IterationOutcome.INTERRUPTED);
        }
    }

    @Test
    void anAsyncSetupHandsOnWhatItsPromiseResolvesTo() throws Exception {
        try (ScriptedVus vus = ScriptedVus.of("""
                export async function setup() {
                  await new Promise((r) => setTimeout(r, 5));
                  return { token: 'abc' };
                }
                export default function () {}
                """);
                JsSetupTeardown stages = new JsSetupTeardown(vus.factory(), true, false)) {
            assertThat(stages.setup(Duration.ofSeconds(10))).isEqualTo("{\"token\":\"abc\"}");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 10s").isTrue();
    }
}
