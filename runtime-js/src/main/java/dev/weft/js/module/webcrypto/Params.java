package dev.weft.js.module.webcrypto;

/**
 * An algorithm argument of a {@code crypto.subtle} call ({@code {name: "AES-GCM", iv}}),
 * read by member name. The JS half has already turned buffer members into bytes, {@code hash}
 * into a name and {@code public} into a key; a missing member reads as null.
 */
public interface Params {
    /** The algorithm name as the script wrote it. */
    String name();

    String string(String member);

    /** A whole number, or null when absent or not a number (strings of digits are read too). */
    Integer integer(String member);

    byte[] bytes(String member);

    CryptoKeyData key(String member);
}
