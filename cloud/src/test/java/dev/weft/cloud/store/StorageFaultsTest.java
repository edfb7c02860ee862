package dev.weft.cloud.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.cloud.ApiClient;
import dev.weft.cloud.CloudServe;
import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.account.Principal;
import dev.weft.cloud.wire.ApiError;
import dev.weft.cloud.wire.CloudApi;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestRunRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The service on real storage faults, with H2 on a real filesystem that fills up or turns
 * read-only (a tmpfs mounted for the test; skipped where mounting is not allowed).
 */
class StorageFaultsTest {
    @TempDir
    Path tmp;

    private TinyFilesystem fs;

    @AfterEach
    void unmount() throws Exception {
        if (fs != null) {
            fs.close();
        }
    }

    private TinyFilesystem mount(int kilobytes) throws Exception {
        fs = TinyFilesystem.mount(tmp.resolve("mnt"), kilobytes);
        assumeTrue(fs != null, "mounting a tmpfs is not allowed here (needs root or CAP_SYS_ADMIN)");
        return fs;
    }

    private static ServiceConfig config(Path dataDir) {
        return ServiceConfig.defaults().withPort(0).withDatabase(ServiceConfig.defaultJdbcUrl(dataDir), null, null)
                .withSweepInterval(Duration.ofHours(1)).withPasswordIterations(1000);
    }

    private static String token(ResultsService service) throws Exception {
        Principal p = service.accounts().createUser(service.accounts().organisation("acme"), "a@example.com", "pw");
        return service.accounts().createToken(p);
    }

    /** A batch of {@code series} distinct URLs, each its own series, at the current second. */
    private static String batch(int from, int series) {
        long micros = System.currentTimeMillis() * 1000;
        StringBuilder b = new StringBuilder("[");
        for (int i = from; i < from + series; i++) {
            b.append(i == from ? "" : ",").append("""
                    {"type":"Point","metric":"http_req_duration","data":{"time":"%d","type":"trend",
                     "tags":{"url":"http://example.test/item/%d/with/a/long/path/to/take/up/some/room"},"value":%d}}"""
                    .formatted(micros, i, 1 + i % 100));
        }
        return b.append("]").toString();
    }

    @Test
    void aFullDiskIsA503SayingNothingWasStoredAndTheSameBatchGoesInOnceThereIsRoom() throws Exception {
        TinyFilesystem disk = mount(4096);
        try (ResultsService service = ResultsService.start(config(disk.dir()))) {
            ApiClient api = new ApiClient(service.baseUrl());
            String token = token(service);
            String id = api.postJson(CloudApi.TESTS_PATH, token, new TestRunRequest("full", null, 1, Map.of(), 60))
                    .as(CreateTestRunResponse.class).referenceId();
            Path filler = disk.fill();

            ApiClient.Response refused = null;
            int sent = 0;
            for (int i = 0; i < 200 && refused == null; i++) {
                ApiClient.Response r = api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, token, batch(i * 200, 200),
                        Map.of(CloudApi.IDEMPOTENCY_KEY_HEADER, "b" + i));
                if (r.status() != 200) {
                    refused = r;
                } else {
                    sent++;
                }
            }

            assertThat(refused).as("a push was refused once the disk was full").isNotNull();
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.as(ApiError.class).error().message()).contains("disk is full").contains("send it again");
            Files.delete(filler);
            ApiClient.Response retried = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                retried = api.postGzip(CloudApi.METRICS_PATH_PREFIX + id, token, batch(sent * 200, 200),
                        Map.of(CloudApi.IDEMPOTENCY_KEY_HEADER, "b" + sent));
                if (retried.status() == 200) {
                    break;
                }
                Thread.sleep(250);
            }
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            ApiClient.Response run = api.get("/api/runs/" + id, token);
            assertThat(run.body()).as("every batch answered 200 is stored, none silently lost")
                    .contains("\"samples_received\":" + (sent + 1) * 200 + ",");
        }
    }

    @Test
    void aReadOnlyDatabaseRefusesToStartWithOneClearLine() throws Exception {
        TinyFilesystem disk = mount(8192);
        ResultsService.start(config(disk.dir())).close();
        disk.remountReadOnly();

        assertThatThrownBy(() -> ResultsService.start(config(disk.dir())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not take writes")
                .hasMessageContaining("read-only")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void weftCloudServeOnAReadOnlyDatabaseExitsWithOneLineSayingSo() throws Exception {
        TinyFilesystem disk = mount(8192);
        ResultsService.start(config(disk.dir())).close();
        disk.remountReadOnly();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = CloudServe.run(new String[] {"--port", "0", "--db", disk.dir().toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(printed).startsWith("weft cloud serve: cannot start: the database ").contains("read-only");
        assertThat(printed.strip()).doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "H2 read-only database, 90097, read-only",
        "H2 disk full, 90100, disk is full",
        "PostgreSQL read-only transaction, 25006, read-only",
        "PostgreSQL disk full, 53100, disk is full",
        "PostgreSQL connection failure, 08006, cannot be reached",
        "PostgreSQL session terminated by an administrator, 57P01, cannot be reached",
    })
    void databaseCodesOfStorageFaultsAreRecognised(String name, String sqlState, String says) {
        assertThat(StorageFaults.describe(new java.sql.SQLException(name, sqlState))).contains(says);
    }

    @Test
    void aConstraintViolationIsNoStorageFault() {
        assertThat(StorageFaults.describe(new java.sql.SQLException("duplicate key", "23505"))).isNull();
    }
}
