package dev.weft.js.module.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormBodyTest {
    private static FormBody.Field field(String name, String value) {
        return new FormBody.Field(name, value, null);
    }

    @Test
    void urlEncodingSortsKeysAndEscapesLikeGo() {
        FormBody.Encoded e = FormBody.urlEncoded(List.of(field("b", "a b&c"), field("a", "~*é"), field("b", "2")));
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("a=~%2A%C3%A9&b=a+b%26c&b=2");
        assertThat(e.contentType()).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void multipartWritesFieldsAndFilesBetweenBoundaries() {
        FormBody.Encoded e = FormBody.multipart(List.of(field("f", "v"), new FormBody.Field("up", "",
                new FormBody.FileField("data".getBytes(StandardCharsets.UTF_8), "a\"b.txt", "text/plain"))));
        String boundary = e.contentType().substring("multipart/form-data; boundary=".length());
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"up\"; filename=\"a\\\"b.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\ndata\r\n--" + boundary + "--\r\n");
    }
}
