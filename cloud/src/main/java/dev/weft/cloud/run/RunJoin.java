package dev.weft.cloud.run;

import dev.weft.cloud.http.ApiException;

/**
 * How a runner instance asks to create-or-join a shared test run: the runs are matched by
 * {@code runKey} within the organisation, and the instance is known by {@code instanceId} so
 * a retried create or a restarted instance (same id) counts once. Read from the create
 * request's headers by the ingest API; a value.
 *
 * @param runKey            the client-chosen key every instance of one test sends (a Job's uid)
 * @param expectedInstances how many instances will join, or null when unknown
 * @param instanceId        this instance's id, unique within the run
 */
public record RunJoin(String runKey, Integer expectedInstances, String instanceId) {
    /** Longest key or instance id accepted. */
    public static final int MAX_ID = 200;
    /** Most instances one run may expect. */
    public static final int MAX_INSTANCES = 10_000;

    /** Checks the values a client sent; a 400 says which is wrong. */
    public RunJoin validate() throws ApiException {
        if (runKey == null || runKey.isBlank() || runKey.length() > MAX_ID) {
            throw new ApiException(400, "the run key must have 1 to " + MAX_ID + " characters");
        }
        if (instanceId == null || instanceId.isBlank() || instanceId.length() > MAX_ID) {
            throw new ApiException(400, "the instance id must have 1 to " + MAX_ID + " characters");
        }
        if (expectedInstances != null && (expectedInstances < 1 || expectedInstances > MAX_INSTANCES)) {
            throw new ApiException(400, "the number of instances must be 1 to " + MAX_INSTANCES);
        }
        return this;
    }
}
