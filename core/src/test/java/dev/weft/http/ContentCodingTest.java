package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.target.LocalTarget;
import dev.weft.target.TargetServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Content codings end to end: the real client against the real target server on loopback. */
@ExtendWith(LocalTarget.class)
class ContentCodingTest {
    private final String base;
    private HttpEngine engine;
    private VuHttpClient http;

    ContentCodingTest(TargetServer target) {
        this.base = target.baseUrl();
    }

    @BeforeEach
    void start() {
        engine = new HttpEngine(HttpClientConfig.defaults(), Clock.systemUTC());
        http = engine.newVuClient();
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void brAndZstdBodiesAreDecodedTransparentlyAndKeepTheirHeader() {
        HttpResponse br = http.send(HttpRequest.get(base + "/brotli"));
        HttpResponse zstd = http.send(HttpRequest.get(base + "/zstd"));

        assertThat(br.error()).isEmpty();
        assertThat(br.headers().first("Content-Encoding")).isEqualTo("br");
        assertThat(br.bodyText()).startsWith("{\"brotli\": true");
        assertThat(zstd.headers().first("Content-Encoding")).isEqualTo("zstd");
        assertThat(zstd.bodyText()).startsWith("{\"zstd\": true");
    }

    @Test
    void noAcceptEncodingIsSentUnlessTheScriptSetsOneAsK6() {
        HttpResponse r = http.send(HttpRequest.get(base + "/headers"));

        assertThat(r.bodyText()).doesNotContain("Accept-Encoding");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip,br", "zstd,br", "br,zstd", "br,gzip,deflate"})
    void stackedCodingsAreUndoneLastAppliedFirst(String codings) {
        HttpResponse r = http.send(HttpRequest.get(base + "/compressed/" + codings));

        assertThat(r.error()).isEmpty();
        assertThat(r.headers().first("Content-Encoding")).isEqualTo(codings.replace(",", ", "));
        assertThat(r.bodyText()).startsWith("{\"compression\": \"" + codings.replace(",", ", ") + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip", "deflate", "br", "zstd"})
    void aBodyThatIsNotWhatItsCodingSaysFailsWithK6sDecompressionError(String coding) {
        // /response-headers labels its plain JSON body with the coding it is asked for
        HttpResponse r = http.send(HttpRequest.get(base + "/response-headers?Content-Encoding=" + coding));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.errorCode()).isEqualTo(HttpErrorCodes.RESPONSE_DECOMPRESSION);
        assertThat(r.error()).startsWith("error decompressing response body (" + coding + "): ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip", "br", "zstd"})
    void aTruncatedBodyFailsWithK6sDecompressionError(String coding) {
        byte[] whole = ContentCoding.encode("x".repeat(1000).getBytes(StandardCharsets.UTF_8), List.of(coding));
        byte[] cut = Arrays.copyOf(whole, whole.length - 4);

        assertThatThrownBy(() -> ContentCoding.decode(cut, coding)).isInstanceOf(HttpFailure.class)
                .hasMessageStartingWith("error decompressing response body (" + coding + "): ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"br", "zstd", "gzip, br", "zstd, gzip, deflate", "br, br"})
    void requestBodiesAreCompressedWithEveryCodingK6Accepts(String compression) {
        String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(20);
        List<String> codings = List.of(compression.split(",\\s*"));
        HttpResponse r = http.send(HttpRequest.of("POST", base + "/post")
                .withBody(text.getBytes(StandardCharsets.UTF_8)).withCompression(codings));

        assertThat(r.bodyText()).contains("\"Content-Encoding\": \"" + compression + "\"")
                .contains("\"decoded\": \"" + text + "\"");
        assertThat(r.request().requestBody().length).isLessThan(text.length() / 4);
    }

    @Test
    void anUnknownCompressionIsRefusedBeforeSending() {
        assertThatThrownBy(() -> http.send(HttpRequest.of("POST", base + "/post").withBody(new byte[] {1})
                .withCompression(List.of("br", "George"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unsupported compression type George");
    }
}
