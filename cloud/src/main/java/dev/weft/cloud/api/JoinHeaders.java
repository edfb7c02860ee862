package dev.weft.cloud.api;

import dev.weft.cloud.wire.CloudApi;
import com.sun.net.httpserver.HttpExchange;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.run.RunJoin;

/**
 * Weft's extension of k6's cloud API for runs shared by several runner instances: request
 * headers beside the unchanged k6 bodies, so k6 itself (which sends none of them) keeps
 * getting one run per create. Read on request threads; stateless.
 *
 * <pre>
 * POST /v1/tests       X-Weft-Run-Key: key       create, or join the org's run with this key
 *                      X-Weft-Instances: N       how many instances will join (optional)
 *                      X-Weft-Instance: id       this instance (required with a key)
 * POST /v1/tests/{id}  X-Weft-Instance: id       finish this instance's part only
 * </pre>
 *
 * The names live in cloud-wire's CloudApi, shared with the cloud output.
 */
public final class JoinHeaders {
    public static final String RUN_KEY = CloudApi.RUN_KEY_HEADER;
    public static final String INSTANCES = CloudApi.INSTANCES_HEADER;
    public static final String INSTANCE = CloudApi.INSTANCE_HEADER;

    private JoinHeaders() {
    }

    /** The join a create asks for, or null for an ordinary single-runner run. */
    static RunJoin join(HttpExchange exchange) throws ApiException {
        String key = exchange.getRequestHeaders().getFirst(RUN_KEY);
        if (key == null) {
            return null;
        }
        String count = exchange.getRequestHeaders().getFirst(INSTANCES);
        Integer instances = null;
        if (count != null && !count.isBlank()) {
            try {
                instances = Integer.valueOf(count.trim());
            } catch (NumberFormatException e) {
                throw new ApiException(400, INSTANCES + " must be a whole number, got '" + count + "'");
            }
        }
        String instance = exchange.getRequestHeaders().getFirst(INSTANCE);
        if (instance == null) {
            throw new ApiException(400, RUN_KEY + " needs " + INSTANCE + " too");
        }
        return new RunJoin(key.trim(), instances, instance.trim()).validate();
    }

    /** The instance a finish is for, or null for the whole run. */
    static String instanceId(HttpExchange exchange) throws ApiException {
        String instance = exchange.getRequestHeaders().getFirst(INSTANCE);
        if (instance == null) {
            return null;
        }
        if (instance.isBlank() || instance.length() > RunJoin.MAX_ID) {
            throw new ApiException(400, INSTANCE + " must have 1 to " + RunJoin.MAX_ID + " characters");
        }
        return instance.trim();
    }
}
