package dev.weft.js.module.grpc;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.weft.grpc.GrpcException;
import dev.weft.grpc.ProtoCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the VUs of one test share for k6/net/grpc: protoc, and the descriptor sets it compiled,
 * so a {@code client.load()} in every VU's init code runs protoc once per distinct call.
 * Thread-safe.
 */
final class GrpcShared {
    private final ProtoCompiler compiler = ProtoCompiler.inUserCache();
    private final ConcurrentHashMap<List<Object>, FileDescriptorSet> compiled = new ConcurrentHashMap<>();

    FileDescriptorSet compile(List<Path> importPaths, List<String> files) throws GrpcException {
        List<Object> key = List.of(importPaths, files);
        FileDescriptorSet set = compiled.get(key);
        if (set == null) {
            set = compiler.compile(importPaths, files);
            compiled.putIfAbsent(key, set);
        }
        return set;
    }
}
