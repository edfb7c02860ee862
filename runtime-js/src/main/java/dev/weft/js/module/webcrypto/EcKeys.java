package dev.weft.js.module.webcrypto;

import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.crypto.KeyAgreement;

/**
 * ECDSA and ECDH keys on the JDK's SunEC: generate, import/export (raw, spki, pkcs8, jwk),
 * sign/verify with signatures in WebCrypto's r||s form, and ECDH's shared bits.
 */
final class EcKeys {
    private static final Set<String> ECDSA_PRIVATE = Set.of("sign");
    private static final Set<String> ECDSA_PUBLIC = Set.of("verify");
    private static final Set<String> ECDH_PRIVATE = Set.of("deriveKey", "deriveBits");
    private final SecureRandom random;

    EcKeys(SecureRandom random) {
        this.random = random;
    }

    private static Set<String> privateUsages(String name) {
        return name.equals(Algorithms.ECDSA) ? ECDSA_PRIVATE : ECDH_PRIVATE;
    }

    private static Set<String> publicUsages(String name) {
        return name.equals(Algorithms.ECDSA) ? ECDSA_PUBLIC : Set.of();
    }

    private static String curveOf(Params p) {
        String curve = p.string("namedCurve");
        if (curve == null) {
            throw WebCryptoException.syntax("could not get namedCurve from algorithm parameter");
        }
        return curve;
    }

    KeyPairData generate(String name, Params p, boolean extractable, List<String> usages) {
        String curve = curveOf(p);
        Curves.jcaName(curve);
        if (usages.isEmpty()) {
            throw WebCryptoException.syntax("key usages cannot be empty");
        }
        Set<String> all = new java.util.HashSet<>(privateUsages(name));
        all.addAll(publicUsages(name));
        Algorithms.usages(usages, all);
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(Curves.jcaName(curve)), random);
            KeyPair kp = g.generateKeyPair();
            KeyAlgorithm alg = KeyAlgorithm.ec(name, curve);
            List<String> pub = Algorithms.intersect(List.copyOf(orderedPublic(name)), Set.copyOf(usages));
            return new KeyPairData(
                    new CryptoKeyData("private", extractable, alg, Algorithms.intersect(usages, privateUsages(name)),
                            null, kp.getPrivate()),
                    new CryptoKeyData("public", true, alg, pub, null, kp.getPublic()));
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.operation("unable to generate a " + name + " key pair");
        }
    }

    private static List<String> orderedPublic(String name) {
        return name.equals(Algorithms.ECDSA) ? List.of("verify") : List.of();
    }

    CryptoKeyData importKey(String format, String name, Params p, byte[] raw, String jwkJson, boolean extractable,
            List<String> usages) {
        String curve = curveOf(p);
        ECParameterSpec params = Curves.params(curve);
        KeyAlgorithm alg = KeyAlgorithm.ec(name, curve);
        try {
            KeyFactory kf = KeyFactory.getInstance("EC");
            return switch (format) {
                case "raw" -> publicKey(alg, extractable, usages,
                        kf.generatePublic(new ECPublicKeySpec(Curves.decodePoint(raw, params), params)));
                case "spki" -> publicKey(alg, extractable, usages, kf.generatePublic(new X509EncodedKeySpec(raw)));
                case "pkcs8" -> privateKey(alg, extractable, usages, kf.generatePrivate(new PKCS8EncodedKeySpec(raw)));
                case "jwk" -> importJwk(kf, alg, Jwk.parse(jwkJson), extractable, usages);
                default -> throw WebCryptoException.notSupported(
                        "unsupported key format " + format + " for algorithm " + name);
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw WebCryptoException.data("unable to import " + name + " key data: " + e.getMessage());
        }
    }

    private CryptoKeyData importJwk(KeyFactory kf, KeyAlgorithm alg, JsonObject jwk, boolean extractable,
            List<String> usages) throws GeneralSecurityException {
        Jwk.requireType(jwk, "EC");
        // the key's own curve (crv) decides its numbers; the algorithm keeps the curve the script named, as k6
        ECParameterSpec params = Curves.params(Jwk.string(jwk, "crv"));
        if (jwk.has("d")) {
            return privateKey(alg, extractable, usages,
                    kf.generatePrivate(new ECPrivateKeySpec(Jwk.number(jwk, "d"), params)));
        }
        ECPoint w = new ECPoint(Jwk.number(jwk, "x"), Jwk.number(jwk, "y"));
        if (!Curves.onCurve(w, params.getCurve())) {
            throw WebCryptoException.data("unable to import key data: the point is not on the curve");
        }
        return publicKey(alg, extractable, usages, kf.generatePublic(new ECPublicKeySpec(w, params)));
    }

    private static CryptoKeyData publicKey(KeyAlgorithm alg, boolean extractable, List<String> usages, PublicKey k) {
        if (!(k instanceof ECPublicKey)) {
            throw WebCryptoException.data("a public key is not an " + alg.name() + " key");
        }
        List<String> u = Algorithms.usages(usages, publicUsages(alg.name()));
        return new CryptoKeyData("public", extractable, alg, u, null, k);
    }

    private static CryptoKeyData privateKey(KeyAlgorithm alg, boolean extractable, List<String> usages,
            PrivateKey k) {
        if (!(k instanceof ECPrivateKey)) {
            throw WebCryptoException.data("a private key is not an " + alg.name() + " key");
        }
        List<String> u = Algorithms.usages(usages, privateUsages(alg.name()));
        return new CryptoKeyData("private", extractable, alg, u, null, k);
    }

    static Object export(String format, CryptoKeyData key) {
        switch (format) {
            case "raw", "spki" -> {
                if (!(key.key() instanceof ECPublicKey pub)) {
                    throw WebCryptoException.invalidAccess("key is not a valid elliptic curve public key");
                }
                return format.equals("raw") ? Curves.encodePoint(pub.getW(), pub.getParams()) : pub.getEncoded();
            }
            case "pkcs8" -> {
                if (!(key.key() instanceof ECPrivateKey priv)) {
                    throw WebCryptoException.invalidAccess("key is not a valid elliptic curve private key");
                }
                return pkcs8(priv);
            }
            case "jwk" -> {
                return jwk(key);
            }
            default -> throw WebCryptoException.notSupported("unsupported key format " + format);
        }
    }

    /** PKCS#8 as Go writes it (k6's format): the SEC1 key with its public point and no inner parameters. */
    private static byte[] pkcs8(ECPrivateKey priv) {
        ECParameterSpec params = priv.getParams();
        byte[] curveOid = switch (Curves.nameOf(priv)) {
            case "P-256" -> new byte[] {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
            case "P-384" -> new byte[] {0x06, 0x05, 0x2B, (byte) 0x81, 0x04, 0x00, 0x22};
            default -> new byte[] {0x06, 0x05, 0x2B, (byte) 0x81, 0x04, 0x00, 0x23};
        };
        byte[] ecPublicKey = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
        byte[] point = Curves.encodePoint(Curves.publicPoint(priv.getS(), params), params);
        byte[] sec1 = Der.sequence(Der.smallInt(1), Der.octets(Curves.fixed(priv.getS(), Curves.fieldBytes(params))),
                Der.tlv(0xA1, Der.bits(point)));
        return Der.sequence(Der.smallInt(0), Der.sequence(ecPublicKey, curveOid), Der.octets(sec1));
    }

    private static JsonObject jwk(CryptoKeyData key) {
        JsonObject o = new JsonObject();
        o.addProperty("kty", "EC");
        ECParameterSpec params;
        ECPoint w;
        BigInteger d = null;
        if (key.key() instanceof ECPrivateKey priv) {
            params = priv.getParams();
            d = priv.getS();
            w = Curves.publicPoint(d, params);
            o.addProperty("crv", Curves.nameOf(priv));
        } else {
            ECPublicKey pub = (ECPublicKey) key.key();
            params = pub.getParams();
            w = pub.getW();
            o.addProperty("crv", Curves.nameOf(pub));
        }
        int n = Curves.fieldBytes(params);
        o.addProperty("x", Jwk.encode(Curves.fixed(w.getAffineX(), n)));
        o.addProperty("y", Jwk.encode(Curves.fixed(w.getAffineY(), n)));
        if (d != null) {
            o.addProperty("d", Jwk.encode(Curves.fixed(d, n)));
        }
        return o;
    }

    byte[] sign(String hash, CryptoKeyData key, byte[] data) {
        if (!(key.key() instanceof ECPrivateKey priv)) {
            throw WebCryptoException.invalidAccess("key is not a valid ECDSA private key");
        }
        try {
            Signature s = Signature.getInstance(Algorithms.jcaHash(hash) + "withECDSAinP1363Format");
            s.initSign(priv, random);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.operation("unable to sign data: " + e.getMessage());
        }
    }

    boolean verify(String hash, CryptoKeyData key, byte[] signature, byte[] data) {
        if (!(key.key() instanceof ECPublicKey pub)) {
            throw WebCryptoException.invalidAccess("key is not a valid ECDSA public key");
        }
        try {
            Signature s = Signature.getInstance(Algorithms.jcaHash(hash) + "withECDSAinP1363Format");
            s.initVerify(pub);
            s.update(data);
            return s.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.operation("unable to verify data: " + e.getMessage());
        }
    }

    /** ECDH: the shared x coordinate, cut to {@code bits} (all of it when null). */
    static byte[] deriveBits(CryptoKeyData privateKey, CryptoKeyData publicKey, Integer bits) {
        if (!(privateKey.key() instanceof ECPrivateKey priv)) {
            throw WebCryptoException.invalidAccess("key is not a valid ECDH private key");
        }
        if (!(publicKey.key() instanceof ECPublicKey pub)) {
            throw WebCryptoException.invalidAccess("key is not a valid ECDH public key");
        }
        if (!Curves.nameOf(priv).equals(Curves.nameOf(pub))) {
            throw WebCryptoException.invalidAccess("keys must use the same curve");
        }
        try {
            KeyAgreement ka = KeyAgreement.getInstance("ECDH");
            ka.init(priv);
            ka.doPhase(pub, true);
            byte[] secret = ka.generateSecret();
            if (bits == null) {
                return secret;
            }
            if (bits % 8 != 0) {
                throw WebCryptoException.notSupported("currently only multiples of 8 are supported for length");
            }
            if (bits / 8 > secret.length) {
                throw WebCryptoException.operation("length is too large");
            }
            return Arrays.copyOf(secret, bits / 8);
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.operation(e.getMessage());
        }
    }
}
