package dev.weft.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.weft.metrics.Tags;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GrpcConnectionTest {
    private static ConnectOptions plaintext() {
        return new ConnectOptions(true, false, Map.of(), Duration.ofSeconds(10), 0, 0, "", null, false, "");
    }

    @Test
    void reflectionListsTheServerFilesOverV1() throws Exception {
        try (GrpcTestServer server = GrpcTestServer.start(null, "v1");
                GrpcConnection c = GrpcConnection.open(server.address(), plaintext(), new Traffic())) {
            FileDescriptorSet set = c.reflect(Map.of(), Duration.ofSeconds(10));

            assertThat(set.getFileList()).extracting(FileDescriptorProto::getName).contains("echo.proto");
        }
    }

    @Test
    void reflectionFallsBackToV1alphaWhenTheServerHasOnlyThat() throws Exception {
        try (GrpcTestServer server = GrpcTestServer.start(null, "v1alpha");
                GrpcConnection c = GrpcConnection.open(server.address(), plaintext(), new Traffic())) {
            ServiceCatalog catalog = new ServiceCatalog();
            catalog.add(c.reflect(Map.of(), Duration.ofSeconds(10)));

            assertThat(catalog.method("/weft.test.Echo/Chat")).isPresent();
        }
    }

    @Test
    void aServerWithoutReflectionFailsWithTheListServicesError() throws Exception {
        try (GrpcTestServer server = GrpcTestServer.start(null, "none");
                GrpcConnection c = GrpcConnection.open(server.address(), plaintext(), new Traffic())) {
            assertThatThrownBy(() -> c.reflect(Map.of(), Duration.ofSeconds(10)))
                    .hasMessageStartingWith("can't list services: rpc error: code = Unimplemented");
        }
    }

    @Test
    void aUnaryCallReturnsItsStatusHeadersTrailersAndCountsItsBytes() throws Exception {
        Traffic traffic = new Traffic();
        try (GrpcTestServer server = GrpcTestServer.start(null, "both");
                GrpcConnection c = GrpcConnection.open(server.address(), plaintext(), traffic)) {
            ServiceCatalog catalog = new ServiceCatalog();
            catalog.add(c.reflect(Map.of(), Duration.ofSeconds(10)));
            var say = catalog.method("/weft.test.Echo/Say").orElseThrow();

            CallResult ok = c.invoke(say, catalog.json(), new CallRequest("/weft.test.Echo/Say", "{\"name\":\"x\"}",
                    Map.of("x-a", List.of("1")), Duration.ofSeconds(5), false, Tags.EMPTY));
            CallResult failed = c.invoke(say, catalog.json(), new CallRequest("/weft.test.Echo/Say",
                    "{\"failCode\":7}", Map.of(), Duration.ofSeconds(5), false, Tags.EMPTY));

            assertThat(ok.status()).isZero();
            assertThat(ok.message()).contains("\"message\":\"hello x\"").contains("\"x-a\":\"1\"");
            assertThat(ok.headers()).containsEntry("x-server", List.of("weft"));
            assertThat(ok.trailers()).containsEntry("x-trailer", List.of("done")).doesNotContainKey("grpc-status");
            assertThat(ok.error()).isNull();
            assertThat(failed.status()).isEqualTo(7);
            assertThat(failed.error()).isEqualTo("{\"code\":7,\"message\":\"failing as asked\",\"details\":[]}");
            assertThat(failed.message()).as("k6 shows the type's defaults").contains("\"message\":\"\"");
            assertThat(traffic.takeSent()).isPositive();
            assertThat(traffic.takeReceived()).isPositive();
        }
    }

    @Test
    void aRefusedConnectionFailsWithGoStylePlainWords() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String address = "127.0.0.1:" + port;

        assertThatThrownBy(() -> GrpcConnection.open(address, plaintext(), new Traffic()))
                .isInstanceOf(GrpcException.class)
                .hasMessage("connection error: desc = \"transport: error while dialing: dial tcp " + address
                        + ": connect: connection refused\"");
    }

    @Test
    void healthCheckAnswersTheServingStatusOrGoStyleErrors() throws Exception {
        try (GrpcTestServer server = GrpcTestServer.start(null, "none");
                GrpcConnection c = GrpcConnection.open(server.address(), plaintext(), new Traffic())) {
            assertThat(c.healthCheck("").servingStatus()).isEqualTo(1);
            assertThat(c.healthCheck("weft.test.Down").servingStatus()).isEqualTo(2);
            HealthCheck unknown = c.healthCheck("nope");
            assertThat(unknown.code()).isEqualTo(5);
            assertThat(unknown.error()).isEqualTo("rpc error: code = NotFound desc = unknown service nope");
        }
    }

    @Test
    void aReplyOverMaxReceiveSizeIsAResourceExhaustedStatus() throws Exception {
        ConnectOptions small = new ConnectOptions(true, false, Map.of(), Duration.ofSeconds(10), 20, 0, "", null,
                false, "");
        try (GrpcTestServer server = GrpcTestServer.start(null, "v1");
                GrpcConnection full = GrpcConnection.open(server.address(), plaintext(), new Traffic());
                GrpcConnection c = GrpcConnection.open(server.address(), small, new Traffic())) {
            ServiceCatalog catalog = new ServiceCatalog();
            catalog.add(full.reflect(Map.of(), Duration.ofSeconds(10)));
            CallResult r = c.invoke(catalog.method("/weft.test.Echo/Say").orElseThrow(), catalog.json(),
                    new CallRequest("/weft.test.Echo/Say", "{\"name\":\"a long enough name to pass twenty bytes\"}",
                            Map.of(), Duration.ofSeconds(5), false, Tags.EMPTY));

            assertThat(r.status()).isEqualTo(8);
        }
    }

    @Test
    void anAddressWithoutAUsablePortIsRefusedInGosWords() {
        assertThatThrownBy(() -> GrpcConnection.open("", plaintext(), new Traffic()))
                .hasMessage("connection error: desc = \"transport: error while dialing: missing port in address\"");
        assertThatThrownBy(() -> GrpcConnection.open("nohostport", plaintext(), new Traffic()))
                .hasMessage("connection error: desc = \"transport: error while dialing: address nohostport: "
                        + "missing port in address\"");
        assertThatThrownBy(() -> GrpcConnection.open("localhost:http", plaintext(), new Traffic()))
                .hasMessageContaining("strconv.Atoi: parsing \"http\": invalid syntax");
    }
}
