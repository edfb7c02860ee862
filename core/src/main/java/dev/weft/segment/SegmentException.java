package dev.weft.segment;

/** A malformed execution segment or sequence; the message says what is wrong, in k6's words. */
public final class SegmentException extends IllegalArgumentException {
    public SegmentException(String message) {
        super(message);
    }
}
