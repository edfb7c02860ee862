package dev.weft.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageJsonTest {
    @TempDir
    Path dir;
    private ServiceCatalog catalog;

    @BeforeEach
    void load() throws Exception {
        Files.writeString(dir.resolve("echo.proto"), GrpcTestServer.protoText());
        FileDescriptorSet set = ProtoCompiler.inUserCache().compile(List.of(dir), List.of("echo.proto"));
        catalog = new ServiceCatalog();
        assertThat(catalog.add(set)).extracting(MethodInfo::fullMethod).containsExactly("/weft.test.Echo/Say",
                "/weft.test.Echo/Collect", "/weft.test.Echo/Spread", "/weft.test.Echo/Chat");
    }

    private Descriptor type(String method, boolean input) {
        var m = catalog.method(method).orElseThrow();
        return input ? m.getInputType() : m.getOutputType();
    }

    @Test
    void printsEveryFieldAsProtojsonDoesWithEmitUnpopulated() throws Exception {
        Descriptor reply = type("weft.test.Echo/Say", false);
        DynamicMessage m = DynamicMessage.newBuilder(reply)
                .setField(reply.findFieldByName("count"), 12345678901234L)
                .setField(reply.findFieldByName("kind"), reply.getFile().findEnumTypeByName("Kind").findValueByName("BIG"))
                .build();

        JsonObject o = JsonParser.parseString(catalog.json().print(m)).getAsJsonObject();

        assertThat(o.get("count").getAsString()).isEqualTo("12345678901234");
        assertThat(o.get("kind").getAsString()).isEqualTo("BIG");
        assertThat(o.get("message").getAsString()).isEmpty();
        assertThat(o.get("item").isJsonNull()).as("an unset message field is null").isTrue();
        assertThat(o.getAsJsonObject("metadata").size()).isZero();
        assertThat(o.getAsJsonArray("names").size()).isZero();
        assertThat(o.get("ratio").getAsDouble()).isZero();
    }

    @Test
    void parsesJsonAndProtoFieldNamesAndNaNAsText() throws Exception {
        Descriptor request = type("/weft.test.Echo/Say", true);

        DynamicMessage m = catalog.json().parse(request,
                "{\"name\":\"a\",\"fail_code\":3,\"repeat\":2,\"count\":\"9007199254740993\",\"ratio\":\"NaN\"}");

        assertThat(m.getField(request.findFieldByName("fail_code"))).isEqualTo(3);
        assertThat(m.getField(request.findFieldByName("repeat"))).isEqualTo(2);
        assertThat(m.getField(request.findFieldByName("count"))).isEqualTo(9007199254740993L);
        assertThat((Double) m.getField(request.findFieldByName("ratio"))).isNaN();
    }

    @Test
    void anUnknownFieldIsRefusedWithK6sPrefix() {
        Descriptor request = type("/weft.test.Echo/Say", true);

        assertThatThrownBy(() -> catalog.json().parse(request, "{\"bogus\":1}"))
                .isInstanceOf(GrpcException.class)
                .hasMessage("unable to serialise request object to protocol buffer: proto: unknown field \"bogus\"");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedAsProtojsonRefusesIt() {
        Descriptor request = type("/weft.test.Echo/Say", true);

        assertThatThrownBy(() -> catalog.json().parse(request, "{\"name\":1}"))
                .hasMessage("unable to serialise request object to protocol buffer: proto: "
                        + "invalid value for string field name: 1");
        assertThatThrownBy(() -> catalog.json().parse(request, "{\"kind\":true}"))
                .hasMessageContaining("invalid value for enum weft.test.Kind field kind: true");
    }

    @Test
    void aMissingDependencyIsNamedWithWhoImportsIt() throws Exception {
        Files.writeString(dir.resolve("needs.proto"), "syntax = \"proto3\"; import \"echo.proto\"; "
                + "message Needs { weft.test.Item item = 1; }");
        FileDescriptorSet set = ProtoCompiler.inUserCache().compile(List.of(dir), List.of("needs.proto"));
        FileDescriptorSet withoutEcho = FileDescriptorSet.newBuilder()
                .addFile(set.getFileList().stream().filter(f -> f.getName().equals("needs.proto")).findFirst().orElseThrow())
                .build();

        assertThatThrownBy(() -> new ServiceCatalog().add(withoutEcho)).isInstanceOf(GrpcException.class)
                .hasMessageContaining("echo.proto").hasMessageContaining("needs.proto");
    }
}
