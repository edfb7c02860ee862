package dev.weft.cloud.wire;

/**
 * Every non-2xx answer: {@code {"error": {"code": ..., "message": ...}}}, the shape k6's
 * {@code CheckResponse} decodes and prints as {@code (status/Ecode) message}.
 */
public record ApiError(Body error) {

    /** The error itself; {@code code} 0 when there is no k6 error code for it. */
    public record Body(int code, String message) {
    }

    public static ApiError of(int code, String message) {
        return new ApiError(new Body(code, message));
    }

    public static ApiError of(String message) {
        return of(0, message);
    }
}
