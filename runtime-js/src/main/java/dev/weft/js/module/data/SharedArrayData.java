package dev.weft.js.module.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * One SharedArray's elements, stored once per test: each element's JSON text, UTF-8 encoded
 * back to back in one byte array, with the start of each in {@link #offsets}. About one byte
 * per JSON character plus four per element, whatever the number of VUs. Immutable after
 * {@link Builder#build()}, so any VU thread may read it.
 */
public final class SharedArrayData {
    private final byte[] bytes;
    private final int[] offsets;

    private SharedArrayData(byte[] bytes, int[] offsets) {
        this.bytes = bytes;
        this.offsets = offsets;
    }

    public int length() {
        return offsets.length - 1;
    }

    /** Element {@code i}'s JSON text. */
    public String json(int i) {
        return new String(bytes, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    }

    /** Bytes held for the elements (for benchmarks and diagnostics). */
    public long sizeInBytes() {
        return bytes.length + 4L * offsets.length;
    }

    /**
     * A read-only polyglot array of the elements' JSON texts, for one VU's context; each read
     * decodes the text anew, so nothing per element stays in the VU.
     */
    ProxyArray view() {
        return new ProxyArray() {
            @Override
            public Object get(long index) {
                return index >= 0 && index < length() ? json((int) index) : null;
            }

            @Override
            public void set(long index, org.graalvm.polyglot.Value value) {
                throw new UnsupportedOperationException("SharedArray is immutable");
            }

            @Override
            public long getSize() {
                return length();
            }
        };
    }

    /** Collects element texts on the building VU's thread. */
    public static final class Builder {
        private byte[] bytes = new byte[1 << 16];
        private int[] offsets = new int[1 << 10];
        private int size;
        private int count;

        public Builder add(String json) {
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            if (size + (long) b.length > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("SharedArray too large: over 2 GB of JSON");
            }
            if (size + b.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16,
                        Math.max((long) bytes.length * 2, (long) size + b.length)));
            }
            System.arraycopy(b, 0, bytes, size, b.length);
            if (count + 1 >= offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[count++] = size;
            size += b.length;
            return this;
        }

        public SharedArrayData build() {
            int[] o = Arrays.copyOf(offsets, count + 1);
            o[count] = size;
            return new SharedArrayData(Arrays.copyOf(bytes, size), o);
        }
    }
}
