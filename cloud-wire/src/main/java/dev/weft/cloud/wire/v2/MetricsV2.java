package dev.weft.cloud.wire.v2;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.util.Arrays;

/**
 * The v2 metrics protocol's body and headers: {@link #encode} and {@link #decode} between a
 * {@link MetricSet} and the bytes of {@code POST /v2/metrics/{referenceId}} (protobuf, then
 * snappy block compression, as k6 v1 sends it). Weft's cloud output calls {@code encode} on
 * its flushing thread, the results service calls {@code decode} on request threads.
 * Stateless and thread-safe.
 */
public final class MetricsV2 {
    private MetricsV2() {
    }

    /** {@code POST {PATH_PREFIX}{referenceId}}; k6 builds it from its host without {@code /v1}. */
    public static final String PATH_PREFIX = "/v2/metrics/";
    /** The header that says which protocol a body speaks, and its value. */
    public static final String PROTOCOL_VERSION_HEADER = "K6-Metrics-Protocol-Version";
    public static final String PROTOCOL_VERSION = "2.0";
    public static final String CONTENT_TYPE = "application/x-protobuf";
    public static final String CONTENT_ENCODING = "snappy";

    /** The body to send: the set as protobuf, snappy block-compressed. */
    public static byte[] encode(MetricSet set) {
        return compress(toProtobuf(set));
    }

    /**
     * Reads a body as sent; refuses one that would inflate to more than
     * {@code maxDecodedBytes} before inflating it.
     */
    public static MetricSet decode(byte[] body, int maxDecodedBytes) throws MalformedMetricsException {
        return fromProtobuf(decompress(body, maxDecodedBytes));
    }

    /** The set as uncompressed protobuf bytes. */
    public static byte[] toProtobuf(MetricSet set) {
        return MetricSetWriter.write(set);
    }

    /** Reads uncompressed protobuf bytes. */
    public static MetricSet fromProtobuf(byte[] protobuf) throws MalformedMetricsException {
        return MetricSetReader.read(protobuf);
    }

    /** Snappy block compression (the format of Go's {@code snappy.Encode}, not the framed one). */
    public static byte[] compress(byte[] raw) {
        SnappyCompressor compressor = new SnappyCompressor();
        byte[] out = new byte[compressor.maxCompressedLength(raw.length)];
        int n = compressor.compress(raw, 0, raw.length, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }

    /** Inflates a snappy block; its stated length is checked against {@code maxBytes} first. */
    public static byte[] decompress(byte[] block, int maxBytes) throws MalformedMetricsException {
        long length = statedLength(block);
        if (length > maxBytes) {
            throw new MalformedMetricsException("snappy body inflates to " + length + " bytes, more than the "
                    + maxBytes + " allowed");
        }
        byte[] out = new byte[(int) length];
        try {
            int n = new SnappyDecompressor().decompress(block, 0, block.length, out, 0, out.length);
            if (n != length) {
                throw new MalformedMetricsException("snappy body holds " + n + " bytes, its header says " + length);
            }
        } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new MalformedMetricsException("malformed snappy body: " + e.getMessage(), e);
        }
        return out;
    }

    /** The uncompressed length a snappy block starts with (a varint of at most 5 bytes). */
    private static long statedLength(byte[] block) throws MalformedMetricsException {
        long result = 0;
        for (int i = 0; i < 5; i++) {
            if (i >= block.length) {
                throw new MalformedMetricsException("snappy body is empty or cut short");
            }
            int b = block[i] & 0xFF;
            result |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new MalformedMetricsException("snappy body's length header is malformed");
    }
}
