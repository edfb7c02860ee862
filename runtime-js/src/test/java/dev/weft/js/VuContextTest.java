package dev.weft.js;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
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
