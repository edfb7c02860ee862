package dev.weft.js;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import dev.weft.vu.ExecutionView;
import dev.weft.vu.IterationContext;
import dev.weft.vu.IterationOutcome;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every VU's context offers and how it ends: k6's language level, contexts left to the process exit. */
class VuContextTest {
    @TempDir
    Path dir;

    private JsVu vu(String script, JsProgram program) throws ScriptException {
        return new JsVuFactory(program, new ScriptHarness(dir).services(TestOptions.of(new JsonObject())))
                .createOrThrow(1);
    }

    private static String eval(JsVu vu, String code) {
        return vu.scope().context().eval("js", code).toString();
    }

    @Test
    void contextsHaveK6sBuiltInsButNotThoseK6Lacks() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("t.js", "export default function () {}\n");
        try (JsProgram program = h.program("t.js")) {
            JsVu vu = vu("t.js", program);
            // ES2023, which k6 v1.3.0's runtime has
            assertThat(eval(vu, "[typeof [].toSorted, typeof [].findLast, typeof Object.hasOwn, typeof [].at].join()"))
                    .isEqualTo("function,function,function,function");
            // ES2024 and later, and the legacy RegExp statics, which it lacks
            assertThat(eval(vu, "[typeof Object.groupBy, typeof Promise.withResolvers, typeof ''.isWellFormed,"
                    + " typeof globalThis.Iterator, (/(a)/.exec('a'), typeof RegExp.$1)].join()"))
                    .isEqualTo("undefined,undefined,undefined,undefined,undefined");
            // nor a global `arguments` (GraalJS's shell arguments)
            assertThat(eval(vu, "Object.getOwnPropertyNames(globalThis).includes('arguments')")).isEqualTo("false");
            vu.close();
        }
    }

    @Test
    void aVuIsReadyForItsFirstIterationWhenInitEnds() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("t.js", """
                export default function () {
                  setTimeout(() => { globalThis.ran = __ENV.GREETING; }, 0);
                }
                """);
        try (JsProgram program = h.program("t.js")) {
            JsVu vu = vu("t.js", program);
            IterationOutcome outcome = vu.runIteration(new IterationContext("default", "s", 0, 0, Tags.EMPTY, null));
            assertThat(outcome).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(eval(vu, "globalThis.ran")).isEqualTo("hi");
            vu.close();
        }
    }

    @Test
    void onlyAnAsyncDefaultFunctionGetsItsEventLoopAtInitAPlainOneWhenItFirstNeedsIt() throws Exception {
        ScriptHarness h = new ScriptHarness(dir)
                .file("async.js", "export default async function () { await null; globalThis.ran = 1; }\n")
                .file("plain.js", """
                        export default function () {
                          if (__ITER === 1) setTimeout(() => { globalThis.timer = 1; }, 1);
                          if (__ITER === 2) return Promise.resolve().then(() => { globalThis.promise = 1; });
                        }
                        """);
        try (JsProgram program = h.program("async.js")) {
            JsVu vu = vu("async.js", program);
            assertThat(vu.hasEventLoop()).isTrue();
            assertThat(vu.runIteration(iteration(0))).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(eval(vu, "globalThis.ran")).isEqualTo("1");
            vu.close();
        }
        try (JsProgram program = h.program("plain.js")) {
            JsVu vu = vu("plain.js", program);
            assertThat(vu.hasEventLoop()).isFalse();
            assertThat(vu.runIteration(iteration(0))).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(vu.hasEventLoop()).isFalse();
            // a timer set by the iteration makes the loop, which runs it before the iteration ends
            assertThat(vu.runIteration(iteration(1))).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(eval(vu, "globalThis.timer")).isEqualTo("1");
            assertThat(vu.runIteration(iteration(2))).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(eval(vu, "globalThis.promise")).isEqualTo("1");
            vu.close();
        }
    }

    @Test
    void envIsParsedOnFirstUseThenIsAPlainPropertyTheScriptMayReplace() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("t.js", """
                const before = Object.getOwnPropertyDescriptor(globalThis, '__ENV');
                export const lazy = typeof before.get === 'function' && before.enumerable;
                export const greeting = __ENV.GREETING;
                const after = Object.getOwnPropertyDescriptor(globalThis, '__ENV');
                export const plain = after.value === __ENV && after.writable && after.enumerable && __ENV === __ENV;
                export default function () { globalThis.seen = __ENV.OTHER; }
                __ENV = { OTHER: 'replaced' };
                """);
        try (JsProgram program = h.program("t.js")) {
            JsVu vu = vu("t.js", program);
            assertThat(eval(vu, "[typeof __ENV, Object.keys(__ENV).join()].join()")).isEqualTo("object,OTHER");
            assertThat(vu.runIteration(iteration(0))).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(eval(vu, "globalThis.seen")).isEqualTo("replaced");
            vu.close();
        }
        ScriptHarness h2 = new ScriptHarness(dir).file("u.js", """
                import { lazy, greeting, plain } from './t.js';
                export default function () { globalThis.result = [lazy, greeting, plain].join(); }
                """);
        try (JsProgram program = h2.program("u.js")) {
            JsVu vu = vu("u.js", program);
            assertThat(vu.runIteration(iteration(0))).isEqualTo(IterationOutcome.COMPLETED);
            assertThat(eval(vu, "globalThis.result")).isEqualTo("true,hi,true");
            vu.close();
        }
    }

    @Test
    void consoleIsMadeOnFirstUseThenIsAPlainPropertyAsIfAssigned() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("t.js", """
                const before = Object.getOwnPropertyDescriptor(globalThis, 'console');
                globalThis.lazy = typeof before.get === 'function' && before.enumerable;
                console.log('hello', 1);
                const after = Object.getOwnPropertyDescriptor(globalThis, 'console');
                globalThis.plain = after.value === console && after.writable && after.enumerable;
                export default function () {}
                """);
        try (JsProgram program = h.program("t.js")) {
            JsVu vu = vu("t.js", program);
            assertThat(eval(vu, "[globalThis.lazy, globalThis.plain].join()")).isEqualTo("true,true");
            assertThat(eval(vu, "(() => { const m = []; console = { log: (x) => m.push(x) }; console.log('x');"
                    + " return m.join(); })()")).isEqualTo("x");
            vu.close();
        }
    }

    @Test
    void oneVuMovingBetweenScenariosSeesEachScenariosEnvOnlyInItsIterations() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("t.js", """
                globalThis.seen = [];
                export default function () { globalThis.seen.push(__ENV.WHO + '/' + __ENV.GREETING); }
                """);
        try (JsProgram program = h.program("t.js")) {
            JsVu vu = vu("t.js", program);
            ExecutionView withEnv = new ScenarioWithEnv(java.util.Map.of("WHO", "first"));
            for (int i = 0; i < 4; i++) {
                boolean one = i % 2 == 0;
                assertThat(vu.runIteration(new IterationContext("default", one ? "one" : "two", i, i, Tags.EMPTY,
                        null, one ? withEnv : ExecutionView.NONE))).isEqualTo(IterationOutcome.COMPLETED);
            }
            assertThat(eval(vu, "globalThis.seen.join()"))
                    .isEqualTo("first/hi,undefined/hi,first/hi,undefined/hi");
            vu.close();
        }
    }

    /** A scenario with an {@code env}, otherwise knowing nothing. */
    private record ScenarioWithEnv(java.util.Map<String, String> scenarioEnv) implements ExecutionView {
        @Override
        public String executor() {
            return "";
        }

        @Override
        public long scenarioStartMillis() {
            return 0;
        }

        @Override
        public double progress() {
            return 0;
        }

        @Override
        public long testStartMillis() {
            return 0;
        }

        @Override
        public int activeVus() {
            return 0;
        }

        @Override
        public int initializedVus() {
            return 0;
        }

        @Override
        public long completedIterations() {
            return 0;
        }

        @Override
        public long interruptedIterations() {
            return 0;
        }
    }

    private static IterationContext iteration(long n) {
        return new IterationContext("default", "s", n, n, Tags.EMPTY, null);
    }

    @Test
    void closingAVuClosesItsContextUnlessContextsEndWithTheProcess() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("t.js", "export default function () {}\n");
        try (JsProgram program = h.program("t.js")) {
            JsVu closed = vu("t.js", program);
            closed.close();
            assertThat(isClosed(closed)).isTrue();

            program.contextsEndWithProcess();
            JsVu left = vu("t.js", program);
            AtomicInteger hooks = new AtomicInteger();
            left.scope().onClose(hooks::incrementAndGet);
            left.close();
            assertThat(hooks).hasValue(1);
            assertThat(isClosed(left)).isFalse();
        }
    }

    private static boolean isClosed(JsVu vu) {
        try {
            vu.scope().context().eval("js", "1");
            return false;
        } catch (IllegalStateException | org.graalvm.polyglot.PolyglotException e) {
            return true; // closed, or cancelled by close(true)
        }
    }
}
