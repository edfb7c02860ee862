package dev.weft.output;

/**
 * An {@link Output} that also takes what the run logs (k6's outputs do not; Weft's cloud output
 * streams them to the results service). The CLI's log writer thread calls {@link #addLogLine}
 * once per line, in the order they were logged, from when the outputs are made (before
 * {@link Output#start()}: VU init logs early) until {@link Output#stop()}; it must not block: a
 * full buffer drops the line and counts it.
 */
public interface WithLogLines {
    void addLogLine(LogLine line);
}
