package dev.weft.grpc;

import dev.weft.metrics.Tags;

/** The system tags k6 gives a call's samples: url, service, method and (unless the script set it) name. */
public final class CallTags {
    private CallTags() {
    }

    /**
     * @param base   the VU's current tags merged with the call's own {@code tags} param
     * @param addr   the address the client connected to
     * @param method {@code /package.Service/Method}
     */
    public static Tags of(Tags base, String addr, String method) {
        String[] parts = method.substring(1).split("/", 2);
        Tags t = base.with("url", addr + method).with("service", parts[0])
                .with("method", parts.length > 1 ? parts[1] : "");
        return base.get("name") == null ? t.with("name", method) : t;
    }
}
