package dev.weft.js.module.ws;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;

/**
 * RFC 6455 framing for the client side: frames written masked with a fresh key, frames read from
 * the server (unmasked, at most 64 MiB of payload). Stateless; the caller serialises writes.
 */
final class WsFrames {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    private static final long MAX_PAYLOAD = 64L << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WsFrames() {
    }

    /** One frame as read: the final-fragment bit, the opcode, the payload. */
    record Frame(boolean fin, int opcode, byte[] payload) {
    }

    /** Writes one whole (final) frame, masked, in one write. */
    static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
        int len = payload.length;
        int header = 2 + (len <= 125 ? 0 : len <= 65_535 ? 2 : 8) + 4;
        byte[] frame = new byte[header + len];
        frame[0] = (byte) (0x80 | opcode);
        int at;
        if (len <= 125) {
            frame[1] = (byte) (0x80 | len);
            at = 2;
        } else if (len <= 65_535) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (len >>> 8);
            frame[3] = (byte) len;
            at = 4;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) len >>> (56 - 8 * i));
            }
            at = 10;
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        System.arraycopy(mask, 0, frame, at, 4);
        at += 4;
        for (int i = 0; i < len; i++) {
            frame[at + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        out.write(frame);
        out.flush();
    }

    /** Reads the next frame; EOFException when the stream ends first. */
    static Frame read(InputStream in) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        if (b0 < 0 || b1 < 0) {
            throw new EOFException("unexpected EOF");
        }
        long len = b1 & 0x7F;
        if (len == 126) {
            len = (readByte(in) << 8) | readByte(in);
        } else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) {
                len = (len << 8) | readByte(in);
            }
        }
        if (len < 0 || len > MAX_PAYLOAD) {
            throw new IOException("websocket: frame of " + len + " bytes is too large");
        }
        byte[] mask = null;
        if ((b1 & 0x80) != 0) {
            mask = in.readNBytes(4);
        }
        byte[] payload = in.readNBytes((int) len);
        if (payload.length != len || (mask != null && mask.length != 4)) {
            throw new EOFException("unexpected EOF");
        }
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame((b0 & 0x80) != 0, b0 & 0x0F, payload);
    }

    private static long readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("unexpected EOF");
        }
        return b;
    }
}
