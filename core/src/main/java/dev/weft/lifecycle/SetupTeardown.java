package dev.weft.lifecycle;

import java.time.Duration;

/**
 * A script's setup and teardown stages, implemented by the script runtime. Called once each
 * by {@link TestRun} on its own thread, never while VU iterations run.
 */
public interface SetupTeardown {
    boolean hasSetup();

    boolean hasTeardown();

    /**
     * Runs setup() and returns its value as JSON text (functions dropped, as JSON.stringify
     * does), or null when it returned nothing.
     */
    String setup(Duration timeout) throws StageException;

    /** Runs teardown(data) with its own parsed copy of setup's JSON (or undefined for null). */
    void teardown(String setupData, Duration timeout) throws StageException;
}
