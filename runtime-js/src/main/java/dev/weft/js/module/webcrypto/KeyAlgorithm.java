package dev.weft.js.module.webcrypto;

/**
 * What a key is for, as {@code CryptoKey.algorithm} shows it: the normalised algorithm name and
 * whichever of length (AES, HMAC), hash (HMAC, RSA), namedCurve (EC) and modulusLength (RSA)
 * the algorithm has; the others are null.
 */
public record KeyAlgorithm(String name, Integer length, String hash, String namedCurve, Integer modulusLength) {
    static KeyAlgorithm aes(String name, int length) {
        return new KeyAlgorithm(name, length, null, null, null);
    }

    static KeyAlgorithm hmac(String hash, int length) {
        return new KeyAlgorithm(Algorithms.HMAC, length, hash, null, null);
    }

    static KeyAlgorithm ec(String name, String curve) {
        return new KeyAlgorithm(name, null, null, curve, null);
    }

    static KeyAlgorithm rsa(String name, int modulusLength, String hash) {
        return new KeyAlgorithm(name, null, hash, null, modulusLength);
    }
}
