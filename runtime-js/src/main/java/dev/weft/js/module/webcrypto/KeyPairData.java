package dev.weft.js.module.webcrypto;

/** A generated asymmetric key pair, before the JS half wraps it in a {@code CryptoKeyPair}. */
public record KeyPairData(CryptoKeyData privateKey, CryptoKeyData publicKey) {
}
