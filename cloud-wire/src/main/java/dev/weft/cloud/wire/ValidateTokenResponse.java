package dev.weft.cloud.wire;

import com.google.gson.annotations.SerializedName;

/** Answer to {@code POST /v1/validate-token} (k6's {@code ValidateTokenResponse}). */
public record ValidateTokenResponse(
        @SerializedName("is_valid") boolean valid,
        String message,
        @SerializedName("token-info") String tokenInfo) {
}
