package dev.weft.js.module.crypto;

/**
 * MD4 as RFC 1320 defines it; the JDK has none, and k6 scripts still ask for it. Used on one
 * VU's thread.
 */
final class Md4 extends LittleEndianBlockDigest {
    private static final int[] ROUND2_ORDER = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
    private static final int[] ROUND3_ORDER = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
    private static final int[] SHIFT1 = {3, 7, 11, 19};
    private static final int[] SHIFT2 = {3, 5, 9, 13};
    private static final int[] SHIFT3 = {3, 9, 11, 15};

    Md4() {
        super("MD4", new int[] {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476});
    }

    @Override
    void compress(int[] state, int[] x) {
        // h holds a, b, c, d; each step updates the word at (-i mod 4), as the RFC's
        // [abcd k s] [dabc k s] ... rotation does.
        int[] h = state.clone();
        for (int i = 0; i < 16; i++) {
            int a = (4 - i % 4) % 4;
            int b = (a + 1) % 4, c = (a + 2) % 4, d = (a + 3) % 4;
            int f = (h[b] & h[c]) | (~h[b] & h[d]);
            h[a] = Integer.rotateLeft(h[a] + f + x[i], SHIFT1[i % 4]);
        }
        for (int i = 0; i < 16; i++) {
            int a = (4 - i % 4) % 4;
            int b = (a + 1) % 4, c = (a + 2) % 4, d = (a + 3) % 4;
            int g = (h[b] & h[c]) | (h[b] & h[d]) | (h[c] & h[d]);
            h[a] = Integer.rotateLeft(h[a] + g + x[ROUND2_ORDER[i]] + 0x5a827999, SHIFT2[i % 4]);
        }
        for (int i = 0; i < 16; i++) {
            int a = (4 - i % 4) % 4;
            int b = (a + 1) % 4, c = (a + 2) % 4, d = (a + 3) % 4;
            int hh = h[b] ^ h[c] ^ h[d];
            h[a] = Integer.rotateLeft(h[a] + hh + x[ROUND3_ORDER[i]] + 0x6ed9eba1, SHIFT3[i % 4]);
        }
        for (int i = 0; i < 4; i++) {
            state[i] += h[i];
        }
    }
}
