package dev.weft.http;

import java.io.ByteArrayOutputStream;

/**
 * Wraps OpenSSL's "traditional" private keys, PKCS#1 RSAPrivateKey and SEC1 ECPrivateKey, in a
 * PKCS#8 PrivateKeyInfo, the only form the JDK's key factories read. Called by
 * {@link PrivateKeyPem}; stateless. Only the few DER elements needed are read or written here.
 */
final class TraditionalKeys {
    /** AlgorithmIdentifier body for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
            0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** OID id-ecPublicKey (1.2.840.10045.2.1), to which the curve's OID is added. */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

    private TraditionalKeys() {
    }

    static byte[] rsaToPkcs8(byte[] pkcs1) {
        return privateKeyInfo(RSA_ALGORITHM, pkcs1);
    }

    /**
     * The curve comes from the key's own [0] parameters, which OpenSSL always writes.
     *
     * @throws IllegalArgumentException when the bytes are not a SEC1 key naming its curve
     */
    static byte[] ecToPkcs8(byte[] sec1) {
        int[] seq = header(sec1, 0, 0x30);
        int pos = seq[0];
        int end = seq[0] + seq[1];
        pos = skip(sec1, pos, 0x02); // version 1
        pos = skip(sec1, pos, 0x04); // the private value
        if (pos >= end || sec1[pos] != (byte) 0xa0) {
            throw new IllegalArgumentException("the EC key does not name its curve");
        }
        int[] params = header(sec1, pos, 0xa0);
        byte[] curve = new byte[params[1]];
        System.arraycopy(sec1, params[0], curve, 0, curve.length);
        return privateKeyInfo(concat(EC_PUBLIC_KEY, curve), sec1);
    }

    private static byte[] privateKeyInfo(byte[] algorithmBody, byte[] key) {
        return der(0x30, concat(VERSION_0, der(0x30, algorithmBody), der(0x04, key)));
    }

    /** The content offset and length of the element at {@code pos}, which must have tag {@code tag}. */
    private static int[] header(byte[] der, int pos, int tag) {
        if (pos + 2 > der.length || (der[pos] & 0xff) != tag) {
            throw new IllegalArgumentException("not a DER key");
        }
        int first = der[pos + 1] & 0xff;
        int at = pos + 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7f;
            if (n == 0 || n > 3 || at + n > der.length) {
                throw new IllegalArgumentException("not a DER key");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (der[at++] & 0xff);
            }
        }
        if (at + length > der.length) {
            throw new IllegalArgumentException("not a DER key");
        }
        return new int[] {at, length};
    }

    private static int skip(byte[] der, int pos, int tag) {
        int[] h = header(der, pos, tag);
        return h[0] + h[1];
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] len = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        return concat(new byte[] {(byte) tag}, len, content);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
