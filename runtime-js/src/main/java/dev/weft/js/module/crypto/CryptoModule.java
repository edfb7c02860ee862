package dev.weft.js.module.crypto;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/crypto} module: one-shot hashes, hmac, createHash/createHMAC objects,
 * randomBytes and hexEncode. Its JS half (crypto.js) shapes arguments and wraps hasher handles;
 * the work happens here, on the calling VU's thread. One instance per test, stateless.
 */
public final class CryptoModule implements JsModule {
    /** Seeded on the first randomBytes() call: seeding at start-up cost ~2% of a smoke test's. */
    private final ReentrantLock randomLock = new ReentrantLock();
    private SecureRandom random;

    @Override
    public String name() {
        return "k6/crypto";
    }

    @Override
    public List<String> exportNames() {
        return List.of("createHash", "createHMAC", "hmac", "md4", "md5", "sha1", "sha256", "sha384", "sha512",
                "sha512_224", "sha512_256", "ripemd160", "randomBytes", "hexEncode");
    }

    @Override
    public Object instance(VuScope vu) {
        HostObject host = new HostObject()
                .fn("createHash", args -> Hasher.hash(HashAlgorithm.of(args[0].asString())))
                .fn("createHMAC", args -> Hasher.hmac(HashAlgorithm.of(args[0].asString()), bytes(args[1])))
                .fn("update", args -> {
                    hasher(args[0]).update(bytes(args[1]));
                    return null;
                })
                .fn("digest", args -> DigestEncoding.encode(hasher(args[0]).sum(), args[1].asString()))
                .fn("randomBytes", args -> randomBytes(args[0].asInt()))
                .fn("hexEncode", args -> HexFormat.of().formatHex(bytes(args[0])));
        return vu.scripts().instantiate(vu, "crypto.js", host.build());
    }

    private ByteBuffer randomBytes(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("invalid size");
        }
        byte[] b = new byte[size];
        random().nextBytes(b);
        return ByteBuffer.wrap(b);
    }

    private SecureRandom random() {
        randomLock.lock();
        try {
            if (random == null) {
                random = new SecureRandom();
            }
            return random;
        } finally {
            randomLock.unlock();
        }
    }

    private static Hasher hasher(Value handle) {
        return handle.asHostObject();
    }

    /** A JS string (as UTF-8) or ArrayBuffer as bytes; the JS half has made views into buffers. */
    static byte[] bytes(Value v) {
        if (v.isString()) {
            return v.asString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = new byte[Math.toIntExact(v.getBufferSize())];
        v.readBuffer(0, out, 0, out.length);
        return out;
    }
}
