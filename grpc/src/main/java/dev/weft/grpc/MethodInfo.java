package dev.weft.grpc;

/**
 * One RPC a client knows, as {@code client.load()} returns it.
 *
 * @param fullMethod {@code /package.Service/Method}
 */
public record MethodInfo(String packageName, String service, String name, String fullMethod,
        boolean clientStreaming, boolean serverStreaming) {
}
