package dev.weft.vu;

/** The script's init code failed for a VU; the message names the script location. */
public final class VuInitException extends Exception {
    public VuInitException(String message, Throwable cause) {
        super(message, cause);
    }
}
