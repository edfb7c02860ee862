package dev.weft.grpc;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.okhttp.OkHttpServerBuilder;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server for tests (and for running genuine k6 against): the {@code weft.test.Echo}
 * service of {@code echo.proto}, implemented on DynamicMessage, with server reflection, on
 * loopback port 0, plaintext or TLS. Run {@link #main} to serve by hand.
 *
 * <p>Say echoes name, count, kind and ratio, copies request metadata {@code x-*} into
 * {@code metadata}, sends header {@code x-server: weft} and trailer {@code x-trailer: done};
 * {@code fail_code > 0} answers that status with message "failing as asked". grpc.health.v1:
 * "" and weft.test.Echo are SERVING, weft.test.Down NOT_SERVING.
 */
public final class GrpcTestServer implements AutoCloseable {
    private static final Metadata.Key<String> X_SERVER = Metadata.Key.of("x-server", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> X_TRAILER = Metadata.Key.of("x-trailer", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<Metadata> HEADERS = Context.key("headers");

    private final Server server;
    private final FileDescriptor file;

    private GrpcTestServer(Server server, FileDescriptor file) {
        this.server = server;
        this.file = file;
    }

    /** The echo.proto text, for scripts to load. */
    public static String protoText() throws IOException {
        try (InputStream in = GrpcTestServer.class.getResourceAsStream("echo.proto")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * @param tls           a certificate and key (PEM) to serve TLS with, or null for plaintext
     * @param reflection    "v1", "v1alpha", "both" or "none"
     */
    public static GrpcTestServer start(TestCertificate tls, String reflection) throws IOException, GrpcException {
        return start(tls, reflection, null);
    }

    /** As {@link #start(TestCertificate, String)}, requiring clients to present {@code client}'s certificate. */
    public static GrpcTestServer start(TestCertificate tls, String reflection, TestCertificate client)
            throws IOException, GrpcException {
        Path dir = Files.createTempDirectory("weft-grpc-proto");
        Files.writeString(dir.resolve("echo.proto"), protoText());
        FileDescriptorSet set = ProtoCompiler.inUserCache().compile(List.of(dir), List.of("echo.proto"));
        FileDescriptor file;
        try {
            file = FileDescriptor.buildFrom(set.getFile(0), new FileDescriptor[0]);
        } catch (com.google.protobuf.Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException(e);
        }
        OkHttpServerBuilder b = OkHttpServerBuilder.forPort(new InetSocketAddress("127.0.0.1", 0),
                tls == null ? InsecureServerCredentials.create() : credentials(tls, client));
        b.addService(ServerInterceptors.intercept(echo(file.getServices().getFirst()), headersInContext()));
        io.grpc.protobuf.services.HealthStatusManager health = new io.grpc.protobuf.services.HealthStatusManager();
        health.setStatus("weft.test.Echo", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
        health.setStatus("weft.test.Down", io.grpc.health.v1.HealthCheckResponse.ServingStatus.NOT_SERVING);
        b.addService(health.getHealthService());
        if (reflection.equals("v1") || reflection.equals("both")) {
            b.addService(ProtoReflectionServiceV1.newInstance());
        }
        if (reflection.equals("v1alpha") || reflection.equals("both")) {
            b.addService(ProtoReflectionService.newInstance());
        }
        return new GrpcTestServer(b.build().start(), file);
    }

    private static io.grpc.ServerCredentials credentials(TestCertificate tls, TestCertificate client)
            throws IOException {
        TlsServerCredentials.Builder b = TlsServerCredentials.newBuilder().keyManager(
                new ByteArrayInputStream(tls.certPem().getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream(tls.keyPem().getBytes(StandardCharsets.US_ASCII)));
        if (client != null) {
            b.trustManager(new ByteArrayInputStream(client.certPem().getBytes(StandardCharsets.US_ASCII)))
                    .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
        }
        return b.build();
    }

    public int port() {
        return server.getPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    public FileDescriptor file() {
        return file;
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ServerInterceptor headersInContext() {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                ServerCall<Q, R> withExtras = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                    @Override
                    public void sendHeaders(Metadata h) {
                        h.put(X_SERVER, "weft");
                        super.sendHeaders(h);
                    }

                    @Override
                    public void close(Status status, Metadata trailers) {
                        trailers.put(X_TRAILER, "done");
                        super.close(status, trailers);
                    }
                };
                return Contexts.interceptCall(Context.current().withValue(HEADERS, headers), withExtras, headers, next);
            }
        };
    }

    private static ServerServiceDefinition echo(ServiceDescriptor service) {
        io.grpc.ServiceDescriptor.Builder sd = io.grpc.ServiceDescriptor.newBuilder(service.getFullName())
                .setSchemaDescriptor(new Schema(service, null));
        List<io.grpc.MethodDescriptor<Message, Message>> methods = new ArrayList<>();
        for (MethodDescriptor m : service.getMethods()) {
            io.grpc.MethodDescriptor<Message, Message> md = Marshallers.method(m, false).toBuilder()
                    .setSchemaDescriptor(new Schema(service, m)).build();
            methods.add(md);
            sd.addMethod(md);
        }
        ServerServiceDefinition.Builder def = ServerServiceDefinition.builder(sd.build());
        Descriptor reply = service.findMethodByName("Say").getOutputType();
        def.addMethod(methods.get(0), ServerCalls.asyncUnaryCall((req, out) -> say(req, reply, out)));
        def.addMethod(methods.get(1), ServerCalls.asyncClientStreamingCall(out -> collect(reply, out)));
        def.addMethod(methods.get(2), ServerCalls.asyncServerStreamingCall((req, out) -> spread(req, reply, out)));
        def.addMethod(methods.get(3), ServerCalls.asyncBidiStreamingCall(out -> chat(reply, out)));
        return def.build();
    }

    private static Object get(Message m, String field) {
        return m.getField(m.getDescriptorForType().findFieldByName(field));
    }

    private static DynamicMessage.Builder echoOf(Message req, Descriptor reply) {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(reply);
        b.setField(reply.findFieldByName("message"), "hello " + get(req, "name"));
        b.setField(reply.findFieldByName("count"), get(req, "count"));
        b.setField(reply.findFieldByName("kind"), get(req, "kind"));
        b.setField(reply.findFieldByName("ratio"), get(req, "ratio"));
        return b;
    }

    private static void say(Message req, Descriptor reply, StreamObserver<Message> out) {
        int fail = (Integer) get(req, "fail_code");
        if (fail > 0) {
            out.onError(Status.fromCodeValue(fail).withDescription("failing as asked").asRuntimeException());
            return;
        }
        DynamicMessage.Builder b = echoOf(req, reply);
        Metadata headers = HEADERS.get();
        FieldDescriptor md = reply.findFieldByName("metadata");
        for (String k : headers.keys()) {
            if (k.startsWith("x-")) {
                String value = k.endsWith("-bin")
                        ? java.util.Base64.getEncoder().encodeToString(
                                headers.get(Metadata.Key.of(k, Metadata.BINARY_BYTE_MARSHALLER)))
                        : headers.get(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER));
                DynamicMessage entry = DynamicMessage.newBuilder(md.getMessageType())
                        .setField(md.getMessageType().findFieldByName("key"), k)
                        .setField(md.getMessageType().findFieldByName("value"), value)
                        .build();
                b.addRepeatedField(md, entry);
            }
        }
        out.onNext(b.build());
        out.onCompleted();
    }

    private static StreamObserver<Message> collect(Descriptor reply, StreamObserver<Message> out) {
        List<String> names = new ArrayList<>();
        return new StreamObserver<>() {
            @Override
            public void onNext(Message req) {
                names.add((String) get(req, "name"));
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
                DynamicMessage.Builder b = DynamicMessage.newBuilder(reply)
                        .setField(reply.findFieldByName("message"), "collected " + names.size())
                        .setField(reply.findFieldByName("count"), (long) names.size());
                names.forEach(n -> b.addRepeatedField(reply.findFieldByName("names"), n));
                out.onNext(b.build());
                out.onCompleted();
            }
        };
    }

    private static void spread(Message req, Descriptor reply, StreamObserver<Message> out) {
        int n = (Integer) get(req, "repeat");
        for (int i = 0; i < n; i++) {
            out.onNext(echoOf(req, reply).setField(reply.findFieldByName("count"), (long) i).build());
        }
        int fail = (Integer) get(req, "fail_code");
        if (fail > 0) {
            out.onError(Status.fromCodeValue(fail).withDescription("failing as asked").asRuntimeException());
        } else {
            out.onCompleted();
        }
    }

    private static StreamObserver<Message> chat(Descriptor reply, StreamObserver<Message> out) {
        return new StreamObserver<>() {
            @Override
            public void onNext(Message req) {
                out.onNext(echoOf(req, reply).build());
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
                out.onCompleted();
            }
        };
    }

    /** What server reflection reads: the file, service and method descriptors. */
    private record Schema(ServiceDescriptor service, MethodDescriptor method)
            implements ProtoFileDescriptorSupplier, ProtoServiceDescriptorSupplier, ProtoMethodDescriptorSupplier {
        @Override
        public FileDescriptor getFileDescriptor() {
            return service.getFile();
        }

        @Override
        public ServiceDescriptor getServiceDescriptor() {
            return service;
        }

        @Override
        public MethodDescriptor getMethodDescriptor() {
            return method;
        }
    }

    /**
     * Serves by hand: {@code [plaintext-port-file]}; prints the plaintext and TLS addresses and
     * writes the TLS certificate (PEM) beside the working directory as grpc-test-cert.pem.
     */
    public static void main(String[] args) throws Exception {
        TestCertificate cert = TestCertificate.create();
        Files.writeString(Path.of("grpc-test-cert.pem"), cert.certPem());
        try (GrpcTestServer plain = start(null, "both"); GrpcTestServer tls = start(cert, "both")) {
            System.out.println("plaintext " + plain.address() + " tls " + tls.address());
            System.out.flush();
            Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "600") * 1000);
        }
    }
}
