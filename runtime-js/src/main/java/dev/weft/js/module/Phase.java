package dev.weft.js.module;

/** Which of k6's stages a VU's code runs in; some APIs work only in some stages. */
public enum Phase {
    INIT, SETUP, VU, TEARDOWN;

    /** The group tag k6 gives samples of this stage ("::setup", "::teardown", "" otherwise). */
    public String rootGroup() {
        return switch (this) {
            case SETUP -> "::setup";
            case TEARDOWN -> "::teardown";
            default -> "";
        };
    }
}
