package dev.weft.lifecycle;

/**
 * Where a {@link TestRun} is. Transitions, in order and never back:
 * INIT (VUs initialising, or held by --paused) → SETUP (only with a setup function) → RUNNING
 * → TEARDOWN (only with a teardown function) → ENDED.
 */
public enum Phase {
    INIT, SETUP, RUNNING, TEARDOWN, ENDED
}
