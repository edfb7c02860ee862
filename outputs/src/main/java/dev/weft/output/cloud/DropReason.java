package dev.weft.output.cloud;

/** Why the cloud output gave samples up; each is counted and printed at the end of the run. */
enum DropReason {
    BUFFER_FULL("the buffer was full while the service was slow or unreachable"),
    REFUSED("the service refused the batch"),
    SERVICE_STOPPED("the service takes no more metrics for this run"),
    STOP_TIMEOUT("not delivered before the stop timeout");

    private final String text;

    DropReason(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }
}
