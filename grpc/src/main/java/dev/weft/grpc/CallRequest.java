package dev.weft.grpc;

import dev.weft.metrics.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One call as the script asked for it: a unary invoke or a stream's opening.
 *
 * @param method   {@code /package.Service/Method}
 * @param message  the request as JSON text (unary calls; null for streams)
 * @param metadata outgoing metadata; {@code -bin} keys carry their bytes as ISO-8859-1 text
 * @param timeout  the call's deadline, or null for none
 * @param tags     the tags of its samples, without {@code status}
 */
public record CallRequest(String method, String message, Map<String, List<String>> metadata, Duration timeout,
        boolean discardResponseMessage, Tags tags) {
}
