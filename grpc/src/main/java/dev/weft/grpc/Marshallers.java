package dev.weft.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** How messages cross the wire: descriptor-driven {@link DynamicMessage}s and raw bytes. */
final class Marshallers {
    private Marshallers() {
    }

    static Marshaller<Message> dynamic(Descriptor type) {
        return new Marshaller<>() {
            @Override
            public InputStream stream(Message value) {
                return new ByteArrayInputStream(value.toByteArray());
            }

            @Override
            public Message parse(InputStream stream) {
                try {
                    return DynamicMessage.parseFrom(type, stream);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    static Marshaller<byte[]> bytes() {
        return new Marshaller<>() {
            @Override
            public InputStream stream(byte[] value) {
                return new ByteArrayInputStream(value);
            }

            @Override
            public byte[] parse(InputStream stream) {
                try {
                    return stream.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    static io.grpc.MethodDescriptor<Message, Message> method(com.google.protobuf.Descriptors.MethodDescriptor m,
            boolean discardResponse) {
        boolean client = m.toProto().getClientStreaming();
        boolean server = m.toProto().getServerStreaming();
        io.grpc.MethodDescriptor.MethodType type = client && server ? io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING
                : client ? io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING
                : server ? io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING
                : io.grpc.MethodDescriptor.MethodType.UNARY;
        Descriptor out = discardResponse ? com.google.protobuf.Empty.getDescriptor() : m.getOutputType();
        return io.grpc.MethodDescriptor.<Message, Message>newBuilder()
                .setType(type)
                .setFullMethodName(m.getService().getFullName() + "/" + m.getName())
                .setRequestMarshaller(dynamic(m.getInputType()))
                .setResponseMarshaller(dynamic(out))
                .build();
    }
}
