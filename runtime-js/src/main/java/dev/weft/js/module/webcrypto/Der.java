package dev.weft.js.module.webcrypto;

import java.io.ByteArrayOutputStream;

/** The few DER encodings Weft writes itself (an EC private key's PKCS#8 with its public point). */
final class Der {
    private Der() {
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.size();
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... parts) {
        return tlv(0x30, parts);
    }

    static byte[] smallInt(int v) {
        return tlv(0x02, new byte[] {(byte) v});
    }

    static byte[] octets(byte[] b) {
        return tlv(0x04, b);
    }

    /** A BIT STRING with no unused bits. */
    static byte[] bits(byte[] b) {
        byte[] c = new byte[b.length + 1];
        System.arraycopy(b, 0, c, 1, b.length);
        return tlv(0x03, c);
    }
}
