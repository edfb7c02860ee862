package dev.weft.js.module.webcrypto;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The global {@code crypto} of k6 v1, as a module the prelude loads the first time a script
 * touches {@code crypto}; scripts don't import it by this name. Every host call answers
 * {@code [true, value]} or {@code [false, errorName, message]} so the JS half can reject the
 * promise with k6's error object. One instance per test; calls run on the VU's thread.
 */
public final class WebCryptoModule implements JsModule {
    /** The name the prelude asks for; not a k6 module name. */
    public static final String NAME = "weft:webcrypto";
    private final SubtleCrypto subtle = new SubtleCrypto();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> exportNames() {
        return List.of();
    }

    @Override
    public Object instance(VuScope vu) {
        HostObject host = new HostObject()
                .fn("randomBytes", args -> ByteBuffer.wrap(subtle.randomBytes(args[0].asInt())))
                .fn("randomUUID", args -> UUID.randomUUID().toString())
                .fn("describe", args -> describe(args[0].asHostObject()))
                .fn("digest", guarded(a -> buffer(subtle.digest(a[0].asString(), bytes(a[1])))))
                .fn("generateKey", guarded(a -> generated(subtle.generateKey(new ValueParams(a[0]), a[1].asBoolean(),
                        strings(a[2])))))
                .fn("importKey", guarded(a -> generated(subtle.importKey(a[0].asString(), a[1].isString() ? null : bytes(a[1]),
                        a[1].isString() ? a[1].asString() : null, new ValueParams(a[2]), a[3].asBoolean(),
                        strings(a[4])))))
                .fn("exportKey", guarded(a -> {
                    Object out = subtle.exportKey(a[0].asString(), a[1].asHostObject());
                    return out instanceof byte[] b ? buffer(b) : out;
                }))
                .fn("encrypt", guarded(a -> buffer(subtle.encrypt(new ValueParams(a[0]), a[1].asHostObject(),
                        bytes(a[2])))))
                .fn("decrypt", guarded(a -> buffer(subtle.decrypt(new ValueParams(a[0]), a[1].asHostObject(),
                        bytes(a[2])))))
                .fn("sign", guarded(a -> buffer(subtle.sign(new ValueParams(a[0]), a[1].asHostObject(),
                        bytes(a[2])))))
                .fn("verify", guarded(a -> subtle.verify(new ValueParams(a[0]), a[1].asHostObject(), bytes(a[2]),
                        bytes(a[3]))))
                .fn("deriveBits", guarded(a -> buffer(subtle.deriveBits(new ValueParams(a[0]), a[1].asHostObject(),
                        a[2].isNull() ? null : a[2].asInt()))))
                .fn("deriveKey", guarded(a -> generated(subtle.deriveKey(new ValueParams(a[0]),
                        a[1].asHostObject(), new ValueParams(a[2]), a[3].asBoolean(), strings(a[4])))));
        return vu.scripts().instantiate(vu, "webcrypto.js", host.build());
    }

    /** Runs {@code op}; a WebCrypto failure comes back as {@code [false, name, message]}, not as an exception. */
    private static ProxyExecutable guarded(Function<Value[], Object> op) {
        return args -> {
            try {
                return ProxyArray.fromArray(true, op.apply(args));
            } catch (WebCryptoException e) {
                return ProxyArray.fromArray(false, e.errorName(), e.getMessage());
            } catch (ClassCastException | IllegalStateException | UnsupportedOperationException e) {
                // a script passed something that is not a CryptoKey (or not bytes) where one belongs
                return ProxyArray.fromArray(false, "InvalidAccessError", "key argument does hold not a valid "
                        + "CryptoKey object");
            }
        };
    }

    /** Keys go to the JS half as a one- or two-element array (a pair is [private, public]). */
    private static Object generated(Object key) {
        if (key instanceof KeyPairData pair) {
            return ProxyArray.fromArray(pair.privateKey(), pair.publicKey());
        }
        return ProxyArray.fromArray(key);
    }

    private static Object describe(CryptoKeyData key) {
        KeyAlgorithm a = key.algorithm();
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("type", key.type());
        m.put("extractable", key.extractable());
        m.put("usages", ProxyArray.fromArray(key.usages().toArray()));
        m.put("name", a.name());
        m.put("length", a.length());
        m.put("hash", a.hash());
        m.put("namedCurve", a.namedCurve());
        m.put("modulusLength", a.modulusLength());
        return ProxyObject.fromMap(m);
    }

    private static ByteBuffer buffer(byte[] b) {
        return ByteBuffer.wrap(b);
    }

    private static List<String> strings(Value array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.hasArrayElements()) {
            for (long i = 0; i < array.getArraySize(); i++) {
                out.add(array.getArrayElement(i).asString());
            }
        }
        return out;
    }

    /** A JS string (as UTF-8) or ArrayBuffer as bytes; the JS half has copied views into buffers. */
    static byte[] bytes(Value v) {
        if (v.isString()) {
            return v.asString().getBytes(StandardCharsets.UTF_8);
        }
        if (!v.hasBufferElements()) {
            throw new IllegalStateException("not a buffer");
        }
        byte[] out = new byte[Math.toIntExact(v.getBufferSize())];
        v.readBuffer(0, out, 0, out.length);
        return out;
    }
}
