package dev.weft.js.module.webcrypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;

/**
 * The NIST curves WebCrypto names (P-256, P-384, P-521): their JCA parameters, point encoding
 * and the one piece of curve arithmetic the JCA doesn't expose, deriving a private key's public
 * point (needed to export a private key as JWK or PKCS#8 with its public half). Stateless.
 */
final class Curves {
    private Curves() {
    }

    static String jcaName(String curve) {
        return switch (curve == null ? "" : curve) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> throw WebCryptoException.notSupported("elliptic curve " + curve + " is not supported");
        };
    }

    static ECParameterSpec params(String curve) {
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(new ECGenParameterSpec(jcaName(curve)));
            return ap.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.notSupported("elliptic curve " + curve + " is not supported");
        }
    }

    /** The WebCrypto name of the curve a JCA key is on. */
    static String nameOf(ECKey key) {
        return switch (key.getParams().getCurve().getField().getFieldSize()) {
            case 256 -> "P-256";
            case 384 -> "P-384";
            case 521 -> "P-521";
            default -> throw WebCryptoException.notSupported("unsupported elliptic curve");
        };
    }

    static int fieldBytes(ECParameterSpec params) {
        return (params.getCurve().getField().getFieldSize() + 7) / 8;
    }

    /** A big-endian unsigned number left-padded (or trimmed of sign bytes) to {@code size} bytes. */
    static byte[] fixed(BigInteger n, int size) {
        byte[] b = n.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(b.length, size);
        System.arraycopy(b, b.length - copy, out, size - copy, copy);
        return out;
    }

    /** The uncompressed SEC1 encoding {@code 04 || X || Y}. */
    static byte[] encodePoint(ECPoint w, ECParameterSpec params) {
        int n = fieldBytes(params);
        byte[] out = new byte[1 + 2 * n];
        out[0] = 4;
        System.arraycopy(fixed(w.getAffineX(), n), 0, out, 1, n);
        System.arraycopy(fixed(w.getAffineY(), n), 0, out, 1 + n, n);
        return out;
    }

    static ECPoint decodePoint(byte[] raw, ECParameterSpec params) {
        int n = fieldBytes(params);
        if (raw.length != 1 + 2 * n || raw[0] != 4) {
            throw WebCryptoException.data("unable to import key data: not an uncompressed point on the curve");
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 1, 1 + n));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 1 + n, raw.length));
        ECPoint p = new ECPoint(x, y);
        if (!onCurve(p, params.getCurve())) {
            throw WebCryptoException.data("unable to import key data: the point is not on the curve");
        }
        return p;
    }

    static boolean onCurve(ECPoint p, EllipticCurve c) {
        BigInteger prime = ((ECFieldFp) c.getField()).getP();
        BigInteger x = p.getAffineX();
        BigInteger y = p.getAffineY();
        BigInteger lhs = y.multiply(y).mod(prime);
        BigInteger rhs = x.pow(3).add(c.getA().multiply(x)).add(c.getB()).mod(prime);
        return lhs.equals(rhs);
    }

    /** {@code d * G}: a private scalar's public point, by double-and-add in affine coordinates. */
    static ECPoint publicPoint(BigInteger d, ECParameterSpec params) {
        EllipticCurve c = params.getCurve();
        BigInteger p = ((ECFieldFp) c.getField()).getP();
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = params.getGenerator();
        for (int i = 0; i < d.bitLength(); i++) {
            if (d.testBit(i)) {
                result = add(result, addend, c.getA(), p);
            }
            addend = add(addend, addend, c.getA(), p);
        }
        return result;
    }

    private static ECPoint add(ECPoint a, ECPoint b, BigInteger curveA, BigInteger p) {
        if (a.equals(ECPoint.POINT_INFINITY)) {
            return b;
        }
        if (b.equals(ECPoint.POINT_INFINITY)) {
            return a;
        }
        BigInteger lambda;
        if (a.getAffineX().equals(b.getAffineX())) {
            if (!a.getAffineY().equals(b.getAffineY()) || a.getAffineY().signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger x = a.getAffineX();
            lambda = x.multiply(x).multiply(BigInteger.valueOf(3)).add(curveA)
                    .multiply(a.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = b.getAffineY().subtract(a.getAffineY())
                    .multiply(b.getAffineX().subtract(a.getAffineX()).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.multiply(lambda).subtract(a.getAffineX()).subtract(b.getAffineX()).mod(p);
        BigInteger y3 = lambda.multiply(a.getAffineX().subtract(x3)).subtract(a.getAffineY()).mod(p);
        return new ECPoint(x3, y3);
    }
}
