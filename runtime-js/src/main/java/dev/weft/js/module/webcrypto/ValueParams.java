package dev.weft.js.module.webcrypto;

import org.graalvm.polyglot.Value;

/**
 * {@link Params} over the plain JS object the JS half made of a script's algorithm argument:
 * buffers are ArrayBuffers, {@code hash} a string, {@code public} a key handle. Read on the
 * VU's thread while the call runs.
 */
final class ValueParams implements Params {
    private final Value object;

    ValueParams(Value object) {
        this.object = object;
    }

    private Value member(String name) {
        if (object == null || !object.hasMembers()) {
            return null;
        }
        Value v = object.getMember(name);
        return v == null || v.isNull() ? null : v;
    }

    @Override
    public String name() {
        return string("name");
    }

    @Override
    public String string(String name) {
        Value v = member(name);
        return v == null ? null : v.isString() ? v.asString() : v.toString();
    }

    @Override
    public Integer integer(String name) {
        Value v = member(name);
        if (v == null) {
            return null;
        }
        if (v.fitsInInt()) {
            return v.asInt();
        }
        if (v.isString()) {
            try {
                return Integer.valueOf(v.asString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public byte[] bytes(String name) {
        Value v = member(name);
        return v == null ? null : WebCryptoModule.bytes(v);
    }

    @Override
    public CryptoKeyData key(String name) {
        Value v = member(name);
        return v != null && v.isHostObject() && v.asHostObject() instanceof CryptoKeyData k ? k : null;
    }
}
