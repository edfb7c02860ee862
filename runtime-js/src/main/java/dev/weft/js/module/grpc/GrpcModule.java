package dev.weft.js.module.grpc;

import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code k6/net/grpc} module. Built once per test at start-up without touching gRPC classes:
 * the first VU that imports the module builds the test's {@link GrpcShared} (protoc, compiled
 * descriptor sets), and {@link #instance} runs once per VU on its thread.
 */
public final class GrpcModule implements JsModule {
    static final List<String> STATUS_NAMES = List.of("StatusOK", "StatusCanceled", "StatusUnknown",
            "StatusInvalidArgument", "StatusDeadlineExceeded", "StatusNotFound", "StatusAlreadyExists",
            "StatusPermissionDenied", "StatusResourceExhausted", "StatusFailedPrecondition", "StatusAborted",
            "StatusOutOfRange", "StatusUnimplemented", "StatusInternal", "StatusUnavailable", "StatusDataLoss",
            "StatusUnauthenticated");
    static final List<String> HEALTH_NAMES = List.of("HealthCheckUnknown", "HealthCheckServing",
            "HealthCheckNotServing", "HealthCheckServiceUnkown");

    private final ReentrantLock lock = new ReentrantLock();
    private GrpcShared shared;

    @Override
    public String name() {
        return "k6/net/grpc";
    }

    @Override
    public List<String> exportNames() {
        List<String> names = new ArrayList<>(List.of("Client", "Stream"));
        names.addAll(STATUS_NAMES);
        names.addAll(HEALTH_NAMES);
        return names;
    }

    @Override
    public Object instance(VuScope vu) {
        return GrpcVuModule.instance(vu, shared());
    }

    private GrpcShared shared() {
        lock.lock();
        try {
            if (shared == null) {
                shared = new GrpcShared();
            }
            return shared;
        } finally {
            lock.unlock();
        }
    }
}
