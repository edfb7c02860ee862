package dev.weft.js.module.webcrypto;

import java.security.Key;
import java.util.List;

/**
 * The Java side of one {@code CryptoKey}: its type ({@code secret}, {@code private},
 * {@code public}), whether it may be exported, its algorithm and usages, and the key material:
 * raw bytes for secret keys, a JCA key otherwise. Immutable; scripts hold it as an opaque
 * handle inside their CryptoKey and pass it back to {@link SubtleCrypto}.
 */
public record CryptoKeyData(String type, boolean extractable, KeyAlgorithm algorithm, List<String> usages,
        byte[] secret, Key key) {
    public CryptoKeyData {
        usages = List.copyOf(usages);
    }

    static CryptoKeyData secret(KeyAlgorithm algorithm, boolean extractable, List<String> usages, byte[] bytes) {
        return new CryptoKeyData("secret", extractable, algorithm, usages, bytes.clone(), null);
    }

    boolean can(String usage) {
        return usages.contains(usage);
    }

    boolean isPrivate() {
        return "private".equals(type);
    }

    boolean isPublic() {
        return "public".equals(type);
    }

    byte[] secretBytes() {
        if (secret == null) {
            throw WebCryptoException.invalidAccess("the key is not a secret key");
        }
        return secret.clone();
    }
}
