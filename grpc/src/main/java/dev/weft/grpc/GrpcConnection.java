package dev.weft.grpc;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One {@code client.connect()}: a grpc-java channel over its OkHttp transport, connected before
 * {@link #open} returns (k6 dials with WithBlock). Calls may be made from the VU's thread while
 * earlier asynchronous ones finish on the channel's threads; {@link #close} is the VU's.
 */
public final class GrpcConnection implements AutoCloseable {
    private final String address;
    private final ManagedChannel channel;
    private final CallOptions callOptions;

    private GrpcConnection(String address, ManagedChannel channel, CallOptions callOptions) {
        this.address = address;
        this.channel = channel;
        this.callOptions = callOptions;
    }

    /**
     * Dials {@code address} (host:port) and waits until it is connected, failed or timed out.
     *
     * @param traffic counts the connection's bytes (the VU's data_sent and data_received)
     */
    public static GrpcConnection open(String address, ConnectOptions o, Traffic traffic) throws GrpcException {
        checkHostPort(address);
        ManagedChannel channel = ChannelFactory.build(address, o, traffic);
        CallOptions options = CallOptions.DEFAULT;
        if (o.maxSendSize() > 0) {
            options = options.withMaxOutboundMessageSize(o.maxSendSize());
        }
        GrpcConnection c = new GrpcConnection(address, channel, options);
        try {
            c.awaitReady(o.timeout());
        } catch (GrpcException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * Refuses what Go's dialer refuses before dialing (k6's words), so an address without a port
     * is not handed to grpc-java's target parser. Targets with a scheme (dns:///...) pass through.
     */
    static void checkHostPort(String address) throws GrpcException {
        if (address.contains(":/")) {
            return;
        }
        int colon = address.lastIndexOf(':');
        String problem = null;
        if (address.isEmpty()) {
            problem = "missing port in address";
        } else if (colon < 0 || address.startsWith("[") && colon < address.indexOf(']')) {
            problem = "address " + address + ": missing port in address";
        } else {
            String port = address.substring(colon + 1);
            if (!port.matches("[0-9]+")) {
                problem = "strconv.Atoi: parsing \"" + port + "\": invalid syntax";
            }
        }
        if (problem != null) {
            throw new GrpcException("connection error: desc = \"transport: error while dialing: " + problem + "\"");
        }
    }

    public String address() {
        return address;
    }

    private void awaitReady(Duration timeout) throws GrpcException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectivityState state = channel.getState(true);
        while (state != ConnectivityState.READY) {
            if (state == ConnectivityState.TRANSIENT_FAILURE || state == ConnectivityState.SHUTDOWN) {
                throw new GrpcException(failureReason());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new GrpcException("context deadline exceeded");
            }
            CountDownLatch changed = new CountDownLatch(1);
            channel.notifyWhenStateChanged(state, changed::countDown);
            try {
                changed.await(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GrpcException("context canceled");
            }
            state = channel.getState(false);
        }
    }

    /** Why the channel failed to connect: a call that fails at once carries the transport's error. */
    private String failureReason() {
        io.grpc.MethodDescriptor<byte[], byte[]> probe = io.grpc.MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(io.grpc.MethodDescriptor.MethodType.UNARY).setFullMethodName("weft.Probe/Connect")
                .setRequestMarshaller(Marshallers.bytes()).setResponseMarshaller(Marshallers.bytes()).build();
        Unary<byte[]> u = new Unary<>();
        ClientCall<byte[], byte[]> call = channel.newCall(probe, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS));
        call.start(u, new Metadata());
        call.request(1);
        Status s;
        try {
            s = u.done.get(6, TimeUnit.SECONDS).status();
        } catch (Exception e) {
            return "context deadline exceeded";
        }
        Throwable cause = s.getCause();
        if (cause instanceof javax.net.ssl.SSLException) {
            return "connection error: desc = \"transport: authentication handshake failed: " + cause.getMessage() + "\"";
        }
        String detail = cause == null ? String.valueOf(s.getDescription())
                : cause instanceof ConnectException ? "dial tcp " + address + ": connect: connection refused"
                : cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return "connection error: desc = \"transport: error while dialing: " + detail + "\"";
    }

    /**
     * Starts a unary call; its result completes on the channel's threads (a failing status is a
     * result, not an exception). A request that does not fit the method's input type throws at once.
     */
    public PendingCall invokeAsync(MethodDescriptor method, MessageJson json, CallRequest r) throws GrpcException {
        Message request = json.parse(method.getInputType(), r.message());
        Unary<Message> listener = new Unary<>();
        ClientCall<Message, Message> call = channel.newCall(Marshallers.method(method, r.discardResponseMessage()),
                withDeadline(r.timeout()));
        long startNanos = System.nanoTime();
        call.start(listener, MetadataMaps.toMetadata(r.metadata()));
        call.request(2);
        call.sendMessage(request);
        call.halfClose();
        CompletableFuture<CallResult> result = listener.done.thenApply(outcome -> {
            try {
                return outcome.result(method, json, r.discardResponseMessage(), (System.nanoTime() - startNanos) / 1e6);
            } catch (GrpcException e) {
                throw new CompletionException(e);
            }
        });
        return new PendingCall(result, () -> call.cancel("canceled by client (k6)", null));
    }

    /** A unary call, waited for on the calling (VU) thread; an interrupt cancels it. */
    public CallResult invoke(MethodDescriptor method, MessageJson json, CallRequest r) throws GrpcException {
        PendingCall p = invokeAsync(method, json, r);
        try {
            return p.result().get();
        } catch (InterruptedException e) {
            p.cancel().run();
            Thread.currentThread().interrupt();
            throw new GrpcException("context canceled");
        } catch (ExecutionException e) {
            throw PendingCall.unwrap(e.getCause());
        }
    }

    /** Opens a stream; {@code listener} hears its messages and its close on the channel's threads. */
    public StreamCall stream(MethodDescriptor method, MessageJson json, CallRequest r, StreamCall.Listener listener) {
        ClientCall<Message, Message> call = channel.newCall(Marshallers.method(method, r.discardResponseMessage()),
                withDeadline(r.timeout()));
        return StreamCall.start(call, method, json, r, listener);
    }

    /** Every file the server describes through reflection (v1, else v1alpha). */
    public FileDescriptorSet reflect(java.util.Map<String, java.util.List<String>> metadata, Duration timeout)
            throws GrpcException {
        return new ReflectionClient(channel, metadata, timeout).fileDescriptors();
    }

    /**
     * {@code client.healthCheck(service)}: grpc.health.v1's Check, hand-coded (request field 1 the
     * service name, response field 1 the serving status). A failing call has grpc-go's words.
     */
    public HealthCheck healthCheck(String service) throws GrpcException {
        io.grpc.MethodDescriptor<byte[], byte[]> md = io.grpc.MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(io.grpc.MethodDescriptor.MethodType.UNARY).setFullMethodName("grpc.health.v1.Health/Check")
                .setRequestMarshaller(Marshallers.bytes()).setResponseMarshaller(Marshallers.bytes()).build();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            com.google.protobuf.CodedOutputStream out = com.google.protobuf.CodedOutputStream.newInstance(bytes);
            if (!service.isEmpty()) {
                out.writeString(1, service);
            }
            out.flush();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Unary<byte[]> listener = new Unary<>();
        ClientCall<byte[], byte[]> call = channel.newCall(md, callOptions);
        long startNanos = System.nanoTime();
        call.start(listener, new Metadata());
        call.request(2);
        call.sendMessage(bytes.toByteArray());
        call.halfClose();
        Unary.Outcome<byte[]> outcome;
        try {
            outcome = listener.done.get();
        } catch (InterruptedException e) {
            call.cancel("canceled by client (k6)", null);
            Thread.currentThread().interrupt();
            throw new GrpcException("context canceled");
        } catch (ExecutionException e) {
            throw new GrpcException(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
        double ms = (System.nanoTime() - startNanos) / 1e6;
        long end = System.currentTimeMillis();
        Status s = outcome.status();
        if (!s.isOk() || outcome.message() == null) {
            return new HealthCheck(0, s.getCode().value(), "rpc error: code = " + StatusText.goName(s.getCode())
                    + " desc = " + StatusText.message(s), end, ms);
        }
        try {
            com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(outcome.message());
            int status = 0;
            for (int tag; (tag = in.readTag()) != 0;) {
                if (tag >>> 3 == 1) {
                    status = in.readEnum();
                } else {
                    in.skipField(tag);
                }
            }
            return new HealthCheck(status, 0, null, end, ms);
        } catch (java.io.IOException e) {
            throw new GrpcException("can't read the health check response: " + e.getMessage(), e);
        }
    }

    private CallOptions withDeadline(Duration timeout) {
        return timeout == null || timeout.isZero() ? callOptions
                : callOptions.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
