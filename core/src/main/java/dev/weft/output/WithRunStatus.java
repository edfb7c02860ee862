package dev.weft.output;

/** An output that wants to know how the run ended, told once before {@link Output#stop()}. */
public interface WithRunStatus {
    void setRunStatus(RunStatus status);
}
