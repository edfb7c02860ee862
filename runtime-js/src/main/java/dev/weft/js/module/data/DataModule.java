package dev.weft.js.module.data;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.Phase;
import dev.weft.js.module.VuScope;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/data} module: {@code new SharedArray(name, fn)}. The module object is built
 * once per test, so its {@link SharedArrays} is the test-wide store every VU shares; the JS half
 * (data.js) gives each VU a read-only array whose elements are parsed from the stored JSON on
 * access. {@link #instance} runs once per VU on its thread.
 */
public final class DataModule implements JsModule {
    private final SharedArrays arrays = new SharedArrays();

    @Override
    public String name() {
        return "k6/data";
    }

    @Override
    public List<String> exportNames() {
        return List.of("SharedArray");
    }

    @Override
    public Object instance(VuScope vu) {
        HostObject host = new HostObject()
                .fn("load", args -> load(vu, args[0].asString(), args[1]));
        return vu.scripts().instantiate(vu, "data.js", host.build());
    }

    /** {@code produce} is a JS function returning the elements as an array of JSON strings. */
    private Object load(VuScope vu, String name, Value produce) {
        if (vu.phase() != Phase.INIT) {
            throw new IllegalStateException("new SharedArray must be called in the init context");
        }
        return arrays.getOrBuild(name, () -> {
            Value texts = produce.execute();
            SharedArrayData.Builder b = new SharedArrayData.Builder();
            long n = texts.getArraySize();
            for (long i = 0; i < n; i++) {
                b.add(texts.getArrayElement(i).asString());
            }
            return b.build();
        }).view();
    }

    /** The test-wide store, for tools that fill arrays without JS (and for benchmarks). */
    public SharedArrays arrays() {
        return arrays;
    }
}
