package dev.weft.js.module.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/** The hash functions k6/crypto offers, by k6's names, with their HMAC block sizes. Thread-safe. */
public enum HashAlgorithm {
    MD4("md4", 64, Md4::new),
    MD5("md5", 64, jdk("MD5")),
    SHA1("sha1", 64, jdk("SHA-1")),
    SHA256("sha256", 64, jdk("SHA-256")),
    SHA384("sha384", 128, jdk("SHA-384")),
    SHA512("sha512", 128, jdk("SHA-512")),
    SHA512_224("sha512_224", 128, jdk("SHA-512/224")),
    SHA512_256("sha512_256", 128, jdk("SHA-512/256")),
    RIPEMD160("ripemd160", 64, Ripemd160::new);

    private final String k6Name;
    private final int blockSize;
    private final Supplier<MessageDigest> factory;

    HashAlgorithm(String k6Name, int blockSize, Supplier<MessageDigest> factory) {
        this.k6Name = k6Name;
        this.blockSize = blockSize;
        this.factory = factory;
    }

    /** The algorithm a script named, e.g. "sha256". */
    public static HashAlgorithm of(String name) {
        for (HashAlgorithm a : values()) {
            if (a.k6Name.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("invalid algorithm: " + name);
    }

    public String k6Name() {
        return k6Name;
    }

    /** Bytes per input block, which HMAC pads its key to. */
    int blockSize() {
        return blockSize;
    }

    MessageDigest newDigest() {
        return factory.get();
    }

    private static Supplier<MessageDigest> jdk(String name) {
        return () -> {
            try {
                return MessageDigest.getInstance(name);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JDK lacks " + name, e);
            }
        };
    }
}
