package dev.weft.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * gRPC server reflection's client: lists the services, then fetches the files declaring them and
 * everything they import. Speaks {@code grpc.reflection.v1}, falling back to {@code v1alpha} when
 * the server does not know it (as grpc-go's client does). The messages are hand-coded from the
 * protocol's field numbers. Used once per connect, on the VU's thread.
 */
final class ReflectionClient {
    private static final int HOST = 1;
    private static final int FILE_BY_FILENAME = 3;
    private static final int FILE_CONTAINING_SYMBOL = 4;
    private static final int LIST_SERVICES = 7;
    private static final int FILE_DESCRIPTOR_RESPONSE = 4;
    private static final int LIST_SERVICES_RESPONSE = 6;
    private static final int ERROR_RESPONSE = 7;

    private final ManagedChannel channel;
    private final Map<String, List<String>> metadata;
    private final Duration timeout;
    private String service = "grpc.reflection.v1.ServerReflection";

    ReflectionClient(ManagedChannel channel, Map<String, List<String>> metadata, Duration timeout) {
        this.channel = channel;
        this.metadata = metadata;
        this.timeout = timeout;
    }

    FileDescriptorSet fileDescriptors() throws GrpcException {
        byte[] listed;
        try {
            listed = ask(LIST_SERVICES, "*");
        } catch (Unimplemented e) {
            service = "grpc.reflection.v1alpha.ServerReflection";
            try {
                listed = ask(LIST_SERVICES, "*");
            } catch (Unimplemented again) {
                throw new GrpcException("can't list services: " + again.getMessage());
            }
        }
        Map<String, FileDescriptorProto> files = new LinkedHashMap<>();
        try {
            for (String name : serviceNames(listed)) {
                addFiles(ask(FILE_CONTAINING_SYMBOL, name), files, "can't get method on service \"" + name + "\"");
            }
            Deque<String> missing = new ArrayDeque<>();
            files.values().forEach(f -> missing.addAll(f.getDependencyList()));
            while (!missing.isEmpty()) {
                String dep = missing.pop();
                if (files.containsKey(dep) || dep.startsWith("google/protobuf/")) {
                    continue;
                }
                int before = files.size();
                addFiles(ask(FILE_BY_FILENAME, dep), files, "can't get file \"" + dep + "\"");
                files.values().stream().skip(before).forEach(f -> missing.addAll(f.getDependencyList()));
            }
        } catch (Unimplemented e) {
            throw new GrpcException(e.getMessage());
        } catch (IOException e) {
            throw new GrpcException("can't read a reflection response: " + e.getMessage(), e);
        }
        return FileDescriptorSet.newBuilder().addAllFile(files.values()).build();
    }

    /** Sends one request on its own stream and returns the one response's bytes. */
    private byte[] ask(int field, String value) throws GrpcException, Unimplemented {
        io.grpc.MethodDescriptor<byte[], byte[]> md = io.grpc.MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
                .setFullMethodName(service + "/ServerReflectionInfo")
                .setRequestMarshaller(Marshallers.bytes()).setResponseMarshaller(Marshallers.bytes()).build();
        Unary<byte[]> listener = new Unary<>();
        ClientCall<byte[], byte[]> call = channel.newCall(md,
                CallOptions.DEFAULT.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS));
        call.start(listener, MetadataMaps.toMetadata(metadata));
        call.request(1);
        call.sendMessage(request(field, value));
        call.halfClose();
        Unary.Outcome<byte[]> outcome;
        try {
            outcome = listener.done.get(timeout.toNanos() + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            call.cancel("interrupted", e);
            Thread.currentThread().interrupt();
            throw new GrpcException("context canceled");
        } catch (ExecutionException | TimeoutException e) {
            call.cancel("timed out", e);
            throw new GrpcException("context deadline exceeded");
        }
        Status s = outcome.status();
        if (s.getCode() == Status.Code.UNIMPLEMENTED) {
            throw new Unimplemented("rpc error: code = Unimplemented desc = " + s.getDescription());
        }
        if (outcome.message() == null) {
            String what = field == LIST_SERVICES ? "can't list services" : "can't get descriptors of \"" + value + "\"";
            throw new GrpcException(what + ": rpc error: code = " + codeName(s) + " desc = " + StatusText.message(s));
        }
        return outcome.message();
    }

    private static byte[] request(int field, String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            out.writeString(HOST, "");
            out.writeString(field, value);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static List<String> serviceNames(byte[] response) throws GrpcException {
        List<String> names = new ArrayList<>();
        try {
            ByteString list = field(response, LIST_SERVICES_RESPONSE);
            if (list == null) {
                throw new GrpcException("can't list services: " + errorText(response));
            }
            CodedInputStream in = list.newCodedInput();
            for (int tag; (tag = in.readTag()) != 0;) {
                if (tag >>> 3 == 1) {
                    ByteString entry = in.readBytes();
                    ByteString name = field(entry.toByteArray(), 1);
                    names.add(name == null ? "" : name.toStringUtf8());
                } else {
                    in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new GrpcException("can't list services: " + e.getMessage(), e);
        }
        return names;
    }

    private static void addFiles(byte[] response, Map<String, FileDescriptorProto> files, String what)
            throws GrpcException, IOException {
        ByteString fdr = field(response, FILE_DESCRIPTOR_RESPONSE);
        if (fdr == null) {
            throw new GrpcException(what + ": " + errorText(response));
        }
        CodedInputStream in = fdr.newCodedInput();
        for (int tag; (tag = in.readTag()) != 0;) {
            if (tag >>> 3 == 1) {
                FileDescriptorProto f = FileDescriptorProto.parseFrom(in.readBytes());
                files.putIfAbsent(f.getName(), f);
            } else {
                in.skipField(tag);
            }
        }
    }

    private static String errorText(byte[] response) throws IOException {
        ByteString err = field(response, ERROR_RESPONSE);
        if (err == null) {
            return "unexpected reflection response";
        }
        CodedInputStream in = err.newCodedInput();
        int code = 0;
        String message = "";
        for (int tag; (tag = in.readTag()) != 0;) {
            switch (tag >>> 3) {
                case 1 -> code = in.readInt32();
                case 2 -> message = in.readString();
                default -> in.skipField(tag);
            }
        }
        return "rpc error: code = " + codeName(Status.fromCodeValue(code)) + " desc = " + message;
    }

    /** The first length-delimited field numbered {@code number}, or null. */
    private static ByteString field(byte[] message, int number) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message);
        for (int tag; (tag = in.readTag()) != 0;) {
            if (tag >>> 3 == number && (tag & 7) == 2) {
                return in.readBytes();
            }
            in.skipField(tag);
        }
        return null;
    }

    private static String codeName(Status s) {
        return StatusText.goName(s.getCode());
    }

    /** The server does not speak this reflection version. */
    private static final class Unimplemented extends Exception {
        Unimplemented(String message) {
            super(message);
        }
    }
}
