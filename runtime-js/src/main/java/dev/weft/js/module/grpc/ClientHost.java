package dev.weft.js.module.grpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.weft.grpc.CallRequest;
import dev.weft.grpc.CallResult;
import dev.weft.grpc.CallTags;
import dev.weft.grpc.GrpcConnection;
import dev.weft.grpc.GrpcException;
import dev.weft.grpc.GrpcMetrics;
import dev.weft.grpc.HealthCheck;
import dev.weft.grpc.MethodInfo;
import dev.weft.grpc.PendingCall;
import dev.weft.grpc.ServiceCatalog;
import dev.weft.grpc.Traffic;
import dev.weft.js.module.HostObject;
import dev.weft.js.module.Phase;
import dev.weft.js.module.VuScope;
import dev.weft.js.module.timers.EventLoop;
import dev.weft.js.module.timers.TimersModule;
import dev.weft.metrics.Sample;
import dev.weft.metrics.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One {@code new grpc.Client()}: what it loaded ({@link ServiceCatalog}) and its connection.
 * Every method runs on the VU's thread and answers {@code [true, value]} or {@code [false,
 * message]}; grpc.js throws k6's error for the latter. asyncInvoke's result comes back through
 * the VU's event loop.
 */
final class ClientHost {
    private static final Duration INVOKE_TIMEOUT = Duration.ofMinutes(2);

    private final VuScope vu;
    private final GrpcShared shared;
    private final Traffic traffic;
    private final ServiceCatalog catalog = new ServiceCatalog();
    private GrpcConnection connection;

    ClientHost(VuScope vu, GrpcShared shared, Traffic traffic) {
        this.vu = vu;
        this.shared = shared;
        this.traffic = traffic;
    }

    static ClientHost of(Value proxy) {
        return proxy.getMember("__host").asHostObject();
    }

    Object build() {
        return new HostObject()
                .value("__host", this)
                .fn("load", guarded(a -> load(a[0], a[1])))
                .fn("loadProtoset", guarded(a -> loadProtoset(a[0].isString() ? a[0].asString() : String.valueOf(a[0]))))
                .fn("connect", guarded(a -> connect(a[0].isString() ? a[0].asString() : String.valueOf(a[0]), a[1])))
                .fn("invoke", guarded(a -> invoke(a[0], a[1], a[2])))
                .fn("asyncInvoke", guarded(a -> asyncInvoke(a[0], a[1], a[2], a[3])))
                .fn("healthCheck", guarded(a -> healthCheck(a.length == 0 || GrpcVuModule.absent(a[0]) ? ""
                        : a[0].isString() ? a[0].asString() : String.valueOf(a[0]))))
                .fn("close", guarded(a -> close()))
                .build();
    }

    /** A host function whose expected failures become {@code [false, message]}. */
    private interface Call {
        Object run(Value[] args) throws GrpcException;
    }

    private static ProxyExecutable guarded(Call call) {
        return args -> {
            try {
                return GrpcVuModule.ok(call.run(args));
            } catch (GrpcException | IllegalArgumentException | IllegalStateException e) {
                return GrpcVuModule.failed(e.getMessage());
            }
        };
    }

    private Object load(Value importPaths, Value files) throws GrpcException {
        if (vu.phase() != Phase.INIT) {
            throw new GrpcException("load must be called in the init context");
        }
        Path dir = vu.services().scriptDir();
        List<Path> paths = new ArrayList<>();
        if (!GrpcVuModule.absent(importPaths)) {
            for (long i = 0; i < importPaths.getArraySize(); i++) {
                String p = importPaths.getArrayElement(i).asString();
                paths.add(dir.resolve(p.startsWith("file://") ? p.substring(7) : p).normalize());
            }
        }
        if (paths.isEmpty()) {
            paths.add(dir);
        }
        List<String> names = new ArrayList<>();
        for (long i = 0; i < files.getArraySize(); i++) {
            names.add(files.getArrayElement(i).asString());
        }
        return methodsJson(catalog.add(shared.compile(paths, names)));
    }

    private Object loadProtoset(String file) throws GrpcException {
        if (vu.phase() != Phase.INIT) {
            throw new GrpcException("load must be called in the init context");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(vu.services().scriptDir().resolve(file));
        } catch (IOException e) {
            throw new GrpcException("couldn't open protoset: open " + file + ": no such file or directory");
        }
        try {
            return methodsJson(catalog.add(FileDescriptorSet.parseFrom(bytes)));
        } catch (InvalidProtocolBufferException e) {
            throw new GrpcException("couldn't unmarshal protoset file " + file + ": " + e.getMessage());
        }
    }

    /** What load() returns in k6: package, service, full_method, name and streaming flags of each method. */
    private static String methodsJson(List<MethodInfo> infos) {
        JsonArray a = new JsonArray();
        for (MethodInfo m : infos) {
            JsonObject o = new JsonObject();
            o.addProperty("package", m.packageName());
            o.addProperty("service", m.service());
            o.addProperty("full_method", m.fullMethod());
            o.addProperty("name", m.name());
            o.addProperty("is_client_stream", m.clientStreaming());
            o.addProperty("is_server_stream", m.serverStreaming());
            a.add(o);
        }
        return a.toString();
    }

    private Object connect(String address, Value params) throws GrpcException {
        if (vu.phase() == Phase.INIT) {
            throw new GrpcException("connecting to a gRPC server in the init context is not supported");
        }
        ConnectParams p;
        try {
            p = ConnectParams.read(params, vu.services().http().config());
        } catch (IllegalArgumentException e) {
            throw new GrpcException("invalid grpc.connect() parameters: " + e.getMessage());
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        connection = GrpcConnection.open(address, p.options(), traffic);
        if (p.options().reflect()) {
            FileDescriptorSet set = connection.reflect(p.options().reflectMetadata(), p.options().timeout());
            catalog.add(set);
        }
        return true;
    }

    private Object invoke(Value method, Value request, Value params) throws GrpcException {
        Prepared p = prepare(method, request, params);
        CallResult r = connection.invoke(p.method(), catalog.json(), p.request());
        return record(p.request().tags(), r);
    }

    private Object asyncInvoke(Value method, Value request, Value params, Value done) throws GrpcException {
        Prepared p = prepare(method, request, params);
        PendingCall call = connection.invokeAsync(p.method(), catalog.json(), p.request());
        EventLoop.Pending pending = TimersModule.loopOf(vu.context().getBindings("js").getMember("__weftModule")
                .execute(TimersModule.NAME)).reserve();
        call.result().whenComplete((r, failure) -> pending.complete(() -> {
            if (failure != null) {
                done.execute(false, PendingCall.unwrap(failure).getMessage());
            } else {
                done.execute(true, record(p.request().tags(), r));
            }
        }));
        return null;
    }

    private record Prepared(MethodDescriptor method, CallRequest request) {
    }

    private Prepared prepare(Value methodValue, Value request, Value params) throws GrpcException {
        if (vu.phase() == Phase.INIT) {
            throw new GrpcException("invoking RPC methods in the init context is not supported");
        }
        if (connection == null) {
            throw new GrpcException("no gRPC connection, you must call connect first");
        }
        String name = methodValue.isString() ? methodValue.asString() : String.valueOf(methodValue);
        if (name.isEmpty()) {
            throw new GrpcException("method to invoke cannot be empty");
        }
        String method = name.startsWith("/") ? name : "/" + name;
        MethodDescriptor md = catalog.method(method)
                .orElseThrow(() -> new GrpcException("method \"" + method + "\" not found in file descriptors"));
        CallParams cp;
        try {
            cp = CallParams.read(params);
        } catch (IllegalArgumentException e) {
            throw new GrpcException("invalid GRPC's client.invoke() parameters: " + e.getMessage());
        }
        return new Prepared(md, new CallRequest(method, request.asString(), cp.metadata(),
                cp.timeout() == null || cp.timeout().isZero() ? INVOKE_TIMEOUT : cp.timeout(),
                cp.discardResponseMessage(), tags(method, cp.tags())));
    }

    /** The tags of a call's samples: the VU's, the call's own, then k6's system tags. */
    Tags tags(String method, Tags own) {
        return CallTags.of(vu.sampleTags().merge(own), connection.address(), method);
    }

    ServiceCatalog catalog() {
        return catalog;
    }

    GrpcConnection connection() {
        return connection;
    }

    /** Emits the call's grpc_req_duration sample and shapes the result as k6 returns it. */
    private String record(Tags tags, CallResult r) {
        if (r.sent()) {
            vu.services().sink().push(new Sample(GrpcMetrics.REQ_DURATION,
                    tags.with("status", String.valueOf(r.status())), r.endMillis(), r.durationMs()));
        }
        // the message and error are JSON text already: joined, not parsed again
        return "{\"status\":" + r.status() + ",\"message\":" + (r.message() == null ? "null" : r.message())
                + ",\"headers\":" + metadataJson(r.headers()) + ",\"trailers\":" + metadataJson(r.trailers())
                + ",\"error\":" + (r.error() == null ? "null" : r.error()) + "}";
    }

    private static JsonObject metadataJson(Map<String, List<String>> md) {
        JsonObject o = new JsonObject();
        md.forEach((k, values) -> {
            JsonArray a = new JsonArray();
            values.forEach(a::add);
            o.add(k, a);
        });
        return o;
    }

    /**
     * k6's healthCheck: {@code {status}} of grpc.health.v1, or a thrown error; either way a
     * grpc_req_duration with only the VU's tags and the status, as k6 records it.
     */
    private Object healthCheck(String service) throws GrpcException {
        if (connection == null) {
            throw new GrpcException("no gRPC connection, you must call connect first");
        }
        HealthCheck h = connection.healthCheck(service);
        vu.services().sink().push(new Sample(GrpcMetrics.REQ_DURATION,
                vu.sampleTags().with("status", String.valueOf(h.code())), h.endMillis(), h.durationMs()));
        if (h.error() != null) {
            throw new GrpcException(h.error());
        }
        JsonObject o = new JsonObject();
        o.addProperty("status", h.servingStatus());
        return o.toString();
    }

    /** Closes the connection when the VU ends (a script need not call close). */
    void closeQuietly() {
        close();
    }

    private Object close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        return null;
    }
}
