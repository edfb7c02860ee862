package dev.weft.js.module.streams;

import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.util.List;

/**
 * The {@code k6/experimental/streams} module: {@code ReadableStream} (start/pull/cancel, the
 * default controller and reader, queuing strategies), all in its JS half (streams.js) since it
 * only moves JS values between promises on the VU's own event loop. Stateless; one per test.
 */
public final class StreamsModule implements JsModule {
    @Override
    public String name() {
        return "k6/experimental/streams";
    }

    @Override
    public List<String> exportNames() {
        return List.of("ReadableStream", "ReadableStreamDefaultReader", "CountQueuingStrategy",
                "ByteLengthQueuingStrategy");
    }

    @Override
    public Object instance(VuScope vu) {
        return vu.scripts().instantiate(vu, "streams.js", null);
    }
}
