package dev.weft.js.module.crypto;

import java.security.MessageDigest;

/**
 * The Merkle-Damgard frame MD4 and RIPEMD-160 share: 64-byte blocks read as sixteen
 * little-endian words, padding with 0x80, zeros and the bit length (little-endian). Subclasses
 * supply the initial state and the compression function. Not thread-safe, like any
 * {@link MessageDigest}; used on one VU's thread.
 */
abstract class LittleEndianBlockDigest extends MessageDigest implements Cloneable {
    private final int[] initial;
    private int[] state;
    private byte[] block = new byte[64];
    private final int[] words = new int[16];
    private int filled;
    private long length;

    LittleEndianBlockDigest(String name, int[] initial) {
        super(name);
        this.initial = initial;
        this.state = initial.clone();
    }

    /** Mixes one block ({@code x}, sixteen words) into {@code state}. */
    abstract void compress(int[] state, int[] x);

    @Override
    protected int engineGetDigestLength() {
        return initial.length * 4;
    }

    @Override
    protected void engineUpdate(byte input) {
        block[filled++] = input;
        length++;
        if (filled == 64) {
            processBlock();
        }
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        for (int i = 0; i < len; i++) {
            engineUpdate(input[offset + i]);
        }
    }

    @Override
    protected byte[] engineDigest() {
        long bits = length * 8;
        engineUpdate((byte) 0x80);
        while (filled != 56) {
            engineUpdate((byte) 0);
        }
        for (int i = 0; i < 8; i++) {
            engineUpdate((byte) (bits >>> (8 * i)));
        }
        byte[] out = new byte[state.length * 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (state[i / 4] >>> (8 * (i % 4)));
        }
        engineReset();
        return out;
    }

    @Override
    protected void engineReset() {
        state = initial.clone();
        filled = 0;
        length = 0;
    }

    private void processBlock() {
        for (int i = 0; i < 16; i++) {
            words[i] = (block[i * 4] & 0xff) | (block[i * 4 + 1] & 0xff) << 8
                    | (block[i * 4 + 2] & 0xff) << 16 | (block[i * 4 + 3] & 0xff) << 24;
        }
        compress(state, words);
        filled = 0;
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        LittleEndianBlockDigest copy = (LittleEndianBlockDigest) super.clone();
        copy.state = state.clone();
        copy.block = block.clone();
        return copy;
    }
}
