package dev.weft.js.module.webcrypto;

import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP keys and operations on the JDK's SunRsaSign and
 * SunJCE; the hash is the key's (from generateKey/importKey), as WebCrypto has it.
 */
final class RsaKeys {
    private final SecureRandom random;

    RsaKeys(SecureRandom random) {
        this.random = random;
    }

    private static Set<String> privateUsages(String name) {
        return name.equals(Algorithms.RSA_OAEP) ? Set.of("decrypt", "unwrapKey") : Set.of("sign");
    }

    private static List<String> publicUsages(String name) {
        return name.equals(Algorithms.RSA_OAEP) ? List.of("encrypt", "wrapKey") : List.of("verify");
    }

    private static String hashOf(Params p) {
        String hash = p.string("hash");
        if (hash == null) {
            throw WebCryptoException.syntax("could not get hash from algorithm parameter");
        }
        return Algorithms.hash(hash);
    }

    KeyPairData generate(String name, Params p, boolean extractable, List<String> usages) {
        Integer bits = p.integer("modulusLength");
        if (bits == null) {
            throw WebCryptoException.syntax("could not get modulusLength from algorithm parameter");
        }
        byte[] e = p.bytes("publicExponent");
        if (e == null) {
            throw WebCryptoException.syntax("could not get publicExponent from algorithm parameter");
        }
        BigInteger exponent = new BigInteger(1, e);
        if (!exponent.equals(BigInteger.valueOf(3)) && !exponent.equals(BigInteger.valueOf(65537))) {
            throw WebCryptoException.operation("invalid public exponent, only 3 and 65537 are supported");
        }
        String hash = hashOf(p);
        if (usages.isEmpty()) {
            throw WebCryptoException.syntax("key usages cannot be empty");
        }
        Set<String> all = new java.util.HashSet<>(privateUsages(name));
        all.addAll(publicUsages(name));
        Algorithms.usages(usages, all);
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(bits, exponent), random);
            KeyPair kp = g.generateKeyPair();
            KeyAlgorithm alg = KeyAlgorithm.rsa(name, bits, hash);
            return new KeyPairData(
                    new CryptoKeyData("private", extractable, alg, Algorithms.intersect(usages, privateUsages(name)),
                            null, kp.getPrivate()),
                    new CryptoKeyData("public", true, alg,
                            Algorithms.intersect(publicUsages(name), Set.copyOf(usages)), null, kp.getPublic()));
        } catch (GeneralSecurityException ex) {
            throw WebCryptoException.operation("could not generate RSA key pair: " + ex.getMessage());
        }
    }

    CryptoKeyData importKey(String format, String name, Params p, byte[] raw, String jwkJson, boolean extractable,
            List<String> usages) {
        String hash = hashOf(p);
        try {
            KeyFactory kf = KeyFactory.getInstance("RSA");
            java.security.Key key = switch (format) {
                case "spki" -> kf.generatePublic(new X509EncodedKeySpec(raw));
                case "pkcs8" -> kf.generatePrivate(new PKCS8EncodedKeySpec(raw));
                case "jwk" -> fromJwk(kf, Jwk.parse(jwkJson));
                default -> throw WebCryptoException.notSupported("unsupported key format " + format);
            };
            boolean isPrivate = key instanceof RSAPrivateKey;
            List<String> u = Algorithms.usages(usages,
                    isPrivate ? privateUsages(name) : Set.copyOf(publicUsages(name)));
            KeyAlgorithm alg = KeyAlgorithm.rsa(name, ((RSAKey) key).getModulus().bitLength(), hash);
            return new CryptoKeyData(isPrivate ? "private" : "public", extractable, alg, u, null, key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw WebCryptoException.data("unable to import RSA key data: " + e.getMessage());
        }
    }

    private static java.security.Key fromJwk(KeyFactory kf, JsonObject jwk) throws GeneralSecurityException {
        Jwk.requireType(jwk, "RSA");
        BigInteger n = Jwk.number(jwk, "n");
        BigInteger e = Jwk.number(jwk, "e");
        if (!jwk.has("d")) {
            return kf.generatePublic(new RSAPublicKeySpec(n, e));
        }
        return kf.generatePrivate(new RSAPrivateCrtKeySpec(n, e, Jwk.number(jwk, "d"), Jwk.number(jwk, "p"),
                Jwk.number(jwk, "q"), Jwk.number(jwk, "dp"), Jwk.number(jwk, "dq"), Jwk.number(jwk, "qi")));
    }

    static Object export(String format, CryptoKeyData key) {
        switch (format) {
            case "spki" -> {
                if (!(key.key() instanceof RSAPublicKey pub)) {
                    throw WebCryptoException.invalidAccess("given CryptoKey is not a public RSA key");
                }
                return pub.getEncoded();
            }
            case "pkcs8" -> {
                if (!(key.key() instanceof RSAPrivateKey priv)) {
                    throw WebCryptoException.invalidAccess("given CryptoKey is not a private RSA key");
                }
                return priv.getEncoded();
            }
            case "jwk" -> {
                return jwk(key);
            }
            default -> throw WebCryptoException.notSupported("unsupported key format " + format);
        }
    }

    private static JsonObject jwk(CryptoKeyData key) {
        JsonObject o = new JsonObject();
        o.addProperty("kty", "RSA");
        if (key.key() instanceof RSAPrivateCrtKey k) {
            o.addProperty("n", Jwk.encode(k.getModulus()));
            o.addProperty("e", Jwk.encode(k.getPublicExponent()));
            o.addProperty("d", Jwk.encode(k.getPrivateExponent()));
            o.addProperty("p", Jwk.encode(k.getPrimeP()));
            o.addProperty("q", Jwk.encode(k.getPrimeQ()));
            o.addProperty("dp", Jwk.encode(k.getPrimeExponentP()));
            o.addProperty("dq", Jwk.encode(k.getPrimeExponentQ()));
            o.addProperty("qi", Jwk.encode(k.getCrtCoefficient()));
        } else if (key.key() instanceof RSAPublicKey k) {
            o.addProperty("n", Jwk.encode(k.getModulus()));
            o.addProperty("e", Jwk.encode(k.getPublicExponent()));
        } else {
            throw WebCryptoException.operation("the private key has no CRT parameters to export as JWK");
        }
        return o;
    }

    byte[] sign(Params p, CryptoKeyData key, byte[] data) {
        if (!(key.key() instanceof RSAPrivateKey priv)) {
            throw WebCryptoException.invalidAccess("given CryptoKey is not a private RSA key");
        }
        try {
            Signature s = signature(p, key);
            s.initSign(priv, random);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.operation("could not sign data: " + e.getMessage());
        }
    }

    boolean verify(Params p, CryptoKeyData key, byte[] signature, byte[] data) {
        if (!(key.key() instanceof RSAPublicKey pub)) {
            throw WebCryptoException.invalidAccess("given CryptoKey is not a public RSA key");
        }
        try {
            Signature s = signature(p, key);
            s.initVerify(pub);
            s.update(data);
            return s.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.operation("could not verify data: " + e.getMessage());
        }
    }

    private static Signature signature(Params p, CryptoKeyData key) throws GeneralSecurityException {
        String hash = key.algorithm().hash();
        if (key.algorithm().name().equals(Algorithms.RSASSA_PKCS1_V1_5)) {
            return Signature.getInstance(Algorithms.jcaHash(hash) + "withRSA");
        }
        Integer salt = p.integer("saltLength");
        if (salt == null) {
            throw WebCryptoException.syntax("could not get saltLength from algorithm parameter");
        }
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), salt, 1));
        return s;
    }

    byte[] encrypt(Params p, CryptoKeyData key, byte[] data) {
        if (!(key.key() instanceof RSAPublicKey)) {
            throw WebCryptoException.invalidAccess("given CryptoKey is not a public RSA key");
        }
        return oaep(Cipher.ENCRYPT_MODE, p, key, data);
    }

    byte[] decrypt(Params p, CryptoKeyData key, byte[] data) {
        if (!(key.key() instanceof RSAPrivateKey)) {
            throw WebCryptoException.invalidAccess("given CryptoKey is not a private RSA key");
        }
        return oaep(Cipher.DECRYPT_MODE, p, key, data);
    }

    private byte[] oaep(int mode, Params p, CryptoKeyData key, byte[] data) {
        String hash = key.algorithm().hash();
        byte[] label = p.bytes("label");
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(mode, key.key(), new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                    new PSource.PSpecified(label == null ? new byte[0] : label)), random);
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw WebCryptoException.operation(
                    (mode == Cipher.ENCRYPT_MODE ? "could not encrypt data: " : "could not decrypt data: ")
                            + e.getMessage());
        }
    }
}
