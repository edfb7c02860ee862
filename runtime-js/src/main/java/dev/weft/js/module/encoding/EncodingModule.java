package dev.weft.js.module.encoding;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code k6/encoding} module: b64encode and b64decode. Its JS half (encoding.js) turns
 * strings and ArrayBuffers into bytes; this class does the base64 work. {@link #instance} runs
 * once per VU on its thread; the host functions run on that VU's thread.
 */
public final class EncodingModule implements JsModule {
    @Override
    public String name() {
        return "k6/encoding";
    }

    @Override
    public List<String> exportNames() {
        return List.of("b64encode", "b64decode");
    }

    @Override
    public Object instance(VuScope vu) {
        HostObject host = new HostObject()
                .fn("encode", args -> Base64Variant.of(args[1].asString()).encode(bytes(args[0])))
                .fn("decode", args -> {
                    byte[] data = Base64Variant.of(args[1].asString()).decode(args[0].asString());
                    return "s".equals(args[2].asString()) ? new String(data, StandardCharsets.UTF_8)
                            : ByteBuffer.wrap(data);
                });
        return vu.scripts().instantiate(vu, "encoding.js", host.build());
    }

    /** A JS string (as UTF-8) or ArrayBuffer, as bytes. */
    static byte[] bytes(org.graalvm.polyglot.Value v) {
        if (v.isString()) {
            return v.asString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = new byte[Math.toIntExact(v.getBufferSize())];
        v.readBuffer(0, out, 0, out.length);
        return out;
    }
}
