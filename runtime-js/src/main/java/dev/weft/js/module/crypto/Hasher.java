package dev.weft.js.module.crypto;

import java.security.MessageDigest;

/**
 * A running hash or HMAC, as k6's createHash/createHMAC objects are: data is added with
 * {@link #update}, and {@link #sum} may be read any number of times without ending the hash
 * (Go's {@code hash.Hash} semantics). Used on one VU's thread.
 */
public final class Hasher {
    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] outerPad;

    private Hasher(MessageDigest inner, MessageDigest outer, byte[] outerPad) {
        this.inner = inner;
        this.outer = outer;
        this.outerPad = outerPad;
    }

    public static Hasher hash(HashAlgorithm algorithm) {
        return new Hasher(algorithm.newDigest(), null, null);
    }

    /** HMAC as RFC 2104 defines it, over any of the algorithms. */
    public static Hasher hmac(HashAlgorithm algorithm, byte[] secret) {
        MessageDigest inner = algorithm.newDigest();
        byte[] key = secret.length > algorithm.blockSize() ? inner.digest(secret) : secret;
        byte[] innerPad = new byte[algorithm.blockSize()];
        byte[] outerPad = new byte[algorithm.blockSize()];
        for (int i = 0; i < innerPad.length; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
        inner.update(innerPad);
        return new Hasher(inner, algorithm.newDigest(), outerPad);
    }

    public void update(byte[] data) {
        inner.update(data);
    }

    /** The digest of everything added so far; the hash goes on accepting data. */
    public byte[] sum() {
        byte[] innerSum = copy(inner).digest();
        if (outer == null) {
            return innerSum;
        }
        outer.reset();
        outer.update(outerPad);
        return outer.digest(innerSum);
    }

    private static MessageDigest copy(MessageDigest d) {
        try {
            return (MessageDigest) d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(d.getAlgorithm() + " digest can't be copied", e);
        }
    }
}
