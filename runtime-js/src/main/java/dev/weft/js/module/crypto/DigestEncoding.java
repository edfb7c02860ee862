package dev.weft.js.module.crypto;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;

/** How k6/crypto returns a digest: "hex", "base64", "base64url", "base64rawurl" or "binary". */
final class DigestEncoding {
    private DigestEncoding() {
    }

    /** A string, or a {@link ByteBuffer} that the JS half turns into an ArrayBuffer for "binary". */
    static Object encode(byte[] sum, String encoding) {
        return switch (encoding) {
            case "hex" -> HexFormat.of().formatHex(sum);
            case "base64" -> Base64.getEncoder().encodeToString(sum);
            case "base64url" -> Base64.getUrlEncoder().encodeToString(sum);
            case "base64rawurl" -> Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
            case "binary" -> ByteBuffer.wrap(sum);
            default -> throw new IllegalArgumentException("invalid output encoding: " + encoding);
        };
    }
}
