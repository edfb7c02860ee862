package dev.weft.js;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.weft.options.TestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsVuFactoryTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void cancellingInitsStopsInitCodeThatIsRunningAndRefusesNewVus() throws Exception {
        ScriptHarness h = new ScriptHarness(dir).file("s.js", """
                if (__VU > 0) { while (true) { } }
                export default function () { }
                """);
        try (JsProgram program = h.program("s.js")) {
            JsVuFactory factory = new JsVuFactory(program, h.services(TestOptions.of(new JsonObject())));
            CompletableFuture<JsVu> endless = CompletableFuture.supplyAsync(() -> {
                try {
                    return factory.create(1);
                } catch (dev.weft.vu.VuInitException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, r -> Thread.ofVirtual().start(r));
            Thread.sleep(500); // the VU is in its endless init loop
            factory.cancelInits();

            assertThatThrownBy(() -> endless.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(dev.weft.vu.VuInitException.class);
            assertThatThrownBy(() -> factory.create(2)).isInstanceOf(dev.weft.vu.VuInitException.class)
                    .hasMessageContaining("VU 2 not initialised");
        }
    }
}
