package dev.weft.cloud.wire.v2;

/** One tag of a time series; k6 leaves out tags whose name starts with {@code __} and {@code test_run_id}. */
public record Label(String name, String value) {
    public Label {
        name = name == null ? "" : name;
        value = value == null ? "" : value;
    }
}
