package dev.weft.js.module.encoding;

import java.util.Base64;

/** k6's four base64 flavours, by the names scripts pass ("std", "rawstd", "url", "rawurl"). */
public enum Base64Variant {
    STD("std"), RAWSTD("rawstd"), URL("url"), RAWURL("rawurl");

    private final String k6Name;

    Base64Variant(String k6Name) {
        this.k6Name = k6Name;
    }

    /** The variant a script named; k6 falls back to "std" for a missing or unknown name. */
    public static Base64Variant of(String name) {
        for (Base64Variant v : values()) {
            if (v.k6Name.equals(name)) {
                return v;
            }
        }
        return STD;
    }

    public String encode(byte[] data) {
        Base64.Encoder e = switch (this) {
            case STD -> Base64.getEncoder();
            case RAWSTD -> Base64.getEncoder().withoutPadding();
            case URL -> Base64.getUrlEncoder();
            case RAWURL -> Base64.getUrlEncoder().withoutPadding();
        };
        return e.encodeToString(data);
    }

    /**
     * Decodes with this variant's alphabet. Java's decoders accept text with or without padding,
     * so they are a little more lenient than k6's (Go's) about the "raw" variants.
     */
    public byte[] decode(String text) {
        Base64.Decoder d = this == STD || this == RAWSTD ? Base64.getDecoder() : Base64.getUrlDecoder();
        return d.decode(text);
    }
}
