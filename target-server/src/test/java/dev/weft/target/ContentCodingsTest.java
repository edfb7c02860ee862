package dev.weft.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentCodingsTest {
    private static final byte[] TEXT = "{\"hello\": \"world\"}".repeat(20).getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip", "deflate", "br", "zstd"})
    void eachCodingDecodesWhatItEncoded(String coding) throws IOException {
        byte[] encoded = ContentCodings.encode(TEXT, coding);

        assertThat(encoded).isNotEqualTo(TEXT);
        assertThat(ContentCodings.decode(encoded, coding)).isEqualTo(TEXT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip, br", "zstd,br", "br, zstd, deflate"})
    void stackedCodingsAreUndoneLastFirst(String contentEncoding) throws IOException {
        byte[] encoded = TEXT;
        for (String c : contentEncoding.split(",")) {
            encoded = ContentCodings.encode(encoded, c);
        }

        assertThat(ContentCodings.decode(encoded, contentEncoding)).isEqualTo(TEXT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip", "deflate", "br", "zstd", "compress"})
    void aBodyThatIsNotWhatItsCodingSaysFailsToDecode(String coding) {
        byte[] notEncoded = ("Definitely not " + coding + ", but it's all cool...").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ContentCodings.decode(notEncoded, coding)).isInstanceOf(IOException.class);
    }
}
