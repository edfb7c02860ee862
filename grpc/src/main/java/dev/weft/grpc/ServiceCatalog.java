package dev.weft.grpc;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.util.JsonFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The descriptors one {@code grpc.Client} knows, from {@code load}, {@code loadProtoset} and
 * reflection: each call adds to what earlier ones loaded, as in k6. Methods are found by
 * {@code /package.Service/Method}. Used by one VU's thread; the codecs it hands out are immutable.
 */
public final class ServiceCatalog {
    private static final Map<String, FileDescriptor> WELL_KNOWN = wellKnown();

    private final Map<String, FileDescriptor> files = new HashMap<>();
    private final Map<String, MethodDescriptor> methods = new LinkedHashMap<>();
    private MessageJson json = new MessageJson(JsonFormat.TypeRegistry.getEmptyTypeRegistry());

    /** Adds every file of {@code set} (dependencies may come in any order); returns its methods. */
    public List<MethodInfo> add(FileDescriptorSet set) throws GrpcException {
        Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
        for (FileDescriptorProto p : set.getFileList()) {
            protos.putIfAbsent(p.getName(), p);
        }
        List<MethodInfo> infos = new ArrayList<>();
        for (FileDescriptorProto p : protos.values()) {
            FileDescriptor fd = build(p.getName(), protos, new ArrayList<>());
            for (ServiceDescriptor s : fd.getServices()) {
                for (MethodDescriptor m : s.getMethods()) {
                    String full = "/" + s.getFullName() + "/" + m.getName();
                    methods.put(full, m);
                    infos.add(new MethodInfo(fd.getPackage(), s.getName(), m.getName(), full,
                            m.toProto().getClientStreaming(), m.toProto().getServerStreaming()));
                }
            }
        }
        JsonFormat.TypeRegistry.Builder registry = JsonFormat.TypeRegistry.newBuilder();
        for (FileDescriptor fd : files.values()) {
            for (Descriptor d : fd.getMessageTypes()) {
                registry.add(d);
            }
        }
        json = new MessageJson(registry.build());
        return infos;
    }

    /** The method named {@code /package.Service/Method} (a missing leading slash is added). */
    public Optional<MethodDescriptor> method(String name) {
        return Optional.ofNullable(methods.get(name.startsWith("/") ? name : "/" + name));
    }

    /** Converts messages of the types loaded so far to and from protojson. */
    public MessageJson json() {
        return json;
    }

    private FileDescriptor build(String name, Map<String, FileDescriptorProto> protos, List<String> path)
            throws GrpcException {
        FileDescriptor known = files.get(name);
        if (known != null) {
            return known;
        }
        FileDescriptorProto proto = protos.get(name);
        if (proto == null) {
            FileDescriptor wk = WELL_KNOWN.get(name);
            if (wk != null) {
                return wk;
            }
            throw new GrpcException("can't find file descriptor " + name + " (imported by " + String.join(" <- ",
                    path.reversed()) + ")");
        }
        if (path.contains(name)) {
            throw new GrpcException("import cycle: " + String.join(" -> ", path) + " -> " + name);
        }
        path.add(name);
        FileDescriptor[] deps = new FileDescriptor[proto.getDependencyCount()];
        for (int i = 0; i < deps.length; i++) {
            deps[i] = build(proto.getDependency(i), protos, path);
        }
        path.remove(path.size() - 1);
        try {
            FileDescriptor fd = FileDescriptor.buildFrom(proto, deps);
            files.put(name, fd);
            return fd;
        } catch (DescriptorValidationException e) {
            throw new GrpcException("invalid descriptor " + name + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, FileDescriptor> wellKnown() {
        Map<String, FileDescriptor> m = new HashMap<>();
        for (FileDescriptor fd : List.of(com.google.protobuf.AnyProto.getDescriptor(),
                com.google.protobuf.ApiProto.getDescriptor(), com.google.protobuf.DescriptorProtos.getDescriptor(),
                com.google.protobuf.DurationProto.getDescriptor(), com.google.protobuf.EmptyProto.getDescriptor(),
                com.google.protobuf.FieldMaskProto.getDescriptor(),
                com.google.protobuf.SourceContextProto.getDescriptor(), com.google.protobuf.StructProto.getDescriptor(),
                com.google.protobuf.TimestampProto.getDescriptor(), com.google.protobuf.TypeProto.getDescriptor(),
                com.google.protobuf.WrappersProto.getDescriptor())) {
            m.put(fd.getName(), fd);
        }
        return Map.copyOf(m);
    }
}
