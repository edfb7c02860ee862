package dev.weft.cloud.wire;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;

/**
 * Every non-2xx answer: {@code {"error": {"code": ..., "message": ..., "field_errors": ...}}},
 * the shape k6's {@code CheckResponse} decodes and prints as {@code (status/Ecode) message}
 * followed by one {@code field: problem} line per field error.
 */
public record ApiError(Body error) {

    /**
     * The error itself; {@code code} 0 when there is no k6 error code for it.
     *
     * @param fieldErrors per request field, what is wrong with it; null when no field is to blame
     */
    public record Body(int code, String message, @SerializedName("field_errors") Map<String, List<String>> fieldErrors) {
        public Body(int code, String message) {
            this(code, message, null);
        }
    }

    public static ApiError of(int code, String message) {
        return new ApiError(new Body(code, message));
    }

    public static ApiError of(String message) {
        return of(0, message);
    }

    /** An error naming the fields at fault (a 400 of request validation). */
    public static ApiError of(int code, String message, Map<String, List<String>> fieldErrors) {
        return new ApiError(new Body(code, message, fieldErrors == null || fieldErrors.isEmpty() ? null : fieldErrors));
    }
}
