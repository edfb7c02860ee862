package dev.weft.output.cloud;

import java.util.Map;
import java.util.UUID;

/**
 * How this runner instance takes part in a test run that several instances share (one
 * execution segment each), from the environment. A value; read once by {@link CloudOutput}.
 *
 * <ul>
 * <li>{@code WEFT_CLOUD_RUN_KEY}: every instance of one test sends the same key; the first
 *     create makes the run, the others join it and get the same reference id.</li>
 * <li>{@code WEFT_CLOUD_INSTANCES}: how many instances will join; the run is Finished when
 *     that many have finished. Without it, when every instance that joined so far has.</li>
 * <li>{@code WEFT_CLOUD_INSTANCE_ID}: this instance's id within the run (a restarted instance
 *     with the same id rejoins rather than counting twice); else {@code JOB_COMPLETION_INDEX}
 *     (a Kubernetes Indexed Job's pod index), else a random id.</li>
 * <li>{@code K6_CLOUD_PUSH_REF_ID}: as in k6, push into that existing run: no create, no finish
 *     (whoever made the run ends it, or it times out).</li>
 * </ul>
 *
 * @param runKey     the join key, or null for a run of its own
 * @param instances  expected instance count, or null when unknown
 * @param instanceId this instance's id (always set; also tags its gauges)
 * @param pushRefId  an existing run to push into, or null
 */
public record SharedRun(String runKey, Integer instances, String instanceId, String pushRefId) {
    /** The tag gauges carry in a shared run, so each instance's VU count stays its own series. */
    public static final String INSTANCE_TAG = "instance_id";

    /** A run of its own (no key, no push reference). */
    public static SharedRun none() {
        return new SharedRun(null, null, UUID.randomUUID().toString(), null);
    }

    public static SharedRun resolve(Map<String, String> env) {
        String key = blankToNull(env.get("WEFT_CLOUD_RUN_KEY"));
        String push = blankToNull(env.get("K6_CLOUD_PUSH_REF_ID"));
        if (key != null && push != null) {
            throw new IllegalArgumentException("set either WEFT_CLOUD_RUN_KEY (create or join a shared run) "
                    + "or K6_CLOUD_PUSH_REF_ID (push into an existing run), not both");
        }
        if (key != null && key.length() > 200) {
            throw new IllegalArgumentException("WEFT_CLOUD_RUN_KEY must have at most 200 characters");
        }
        Integer instances = null;
        String count = blankToNull(env.get("WEFT_CLOUD_INSTANCES"));
        if (count != null) {
            try {
                instances = Integer.valueOf(count);
                if (instances < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("WEFT_CLOUD_INSTANCES must be a positive whole number, got '"
                        + count + "'");
            }
        }
        String id = blankToNull(env.get("WEFT_CLOUD_INSTANCE_ID"));
        if (id == null) {
            id = blankToNull(env.get("JOB_COMPLETION_INDEX"));
        }
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        if (id.length() > 200) {
            throw new IllegalArgumentException("WEFT_CLOUD_INSTANCE_ID must have at most 200 characters");
        }
        return new SharedRun(key, instances, id, push);
    }

    /** True when the run is shared with other instances (joined by key or pushed into). */
    public boolean shared() {
        return runKey != null || pushRefId != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
