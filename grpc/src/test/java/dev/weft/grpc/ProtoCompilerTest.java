package dev.weft.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtoCompilerTest {
    @TempDir
    Path dir;

    @Test
    void compilesAFileWithItsImportsIncludingTheWellKnownTypes() throws Exception {
        Files.createDirectories(dir.resolve("protos/common"));
        Files.writeString(dir.resolve("protos/common/money.proto"), """
                syntax = "proto3";
                package shop.common;
                message Money { string currency = 1; int64 units = 2; }
                """);
        Files.writeString(dir.resolve("protos/shop.proto"), """
                syntax = "proto3";
                package shop;
                import "common/money.proto";
                import "google/protobuf/timestamp.proto";
                message Order { shop.common.Money total = 1; google.protobuf.Timestamp at = 2; }
                service Shop { rpc Buy(Order) returns (Order); }
                """);
        FileDescriptorSet set = new ProtoCompiler(dir.resolve("cache"))
                .compile(List.of(dir.resolve("protos")), List.of("shop.proto"));

        assertThat(set.getFileList()).extracting(FileDescriptorProto::getName)
                .containsExactlyInAnyOrder("shop.proto", "common/money.proto", "google/protobuf/timestamp.proto");
        assertThat(Files.isExecutable(dir.resolve("cache/protoc-4.32.1-linux-x86_64/protoc"))).isTrue();
    }

    @Test
    void anAbsolutePathOutsideTheImportPathsIsCompiledFromItsOwnDirectory() throws Exception {
        Files.writeString(dir.resolve("solo.proto"), "syntax = \"proto3\"; message Solo { string a = 1; }");
        FileDescriptorSet set = new ProtoCompiler(dir.resolve("cache"))
                .compile(List.of(dir.resolve("elsewhere")), List.of(dir.resolve("solo.proto").toString()));

        assertThat(set.getFile(0).getName()).isEqualTo("solo.proto");
    }

    @Test
    void aSyntaxErrorIsReportedWithProtocsFileLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("bad.proto"), "syntax = \"proto3\";\nmessage Bad { string a = ; }\n");
        ProtoCompiler compiler = new ProtoCompiler(dir.resolve("cache"));

        assertThatThrownBy(() -> compiler.compile(List.of(dir), List.of("bad.proto")))
                .isInstanceOf(GrpcException.class).hasMessageContaining("bad.proto:2:");
    }

    @Test
    void aMissingFileIsNamedInTheError() {
        ProtoCompiler compiler = new ProtoCompiler(dir.resolve("cache"));

        assertThatThrownBy(() -> compiler.compile(List.of(dir), List.of("nope.proto")))
                .isInstanceOf(GrpcException.class).hasMessageContaining("nope.proto");
    }
}
