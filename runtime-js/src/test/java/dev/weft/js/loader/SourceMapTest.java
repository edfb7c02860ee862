package dev.weft.js.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SourceMapTest {
    static String inlineMap(String json) {
        return "//# sourceMappingURL=data:application/json;base64,"
                + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void vlq_decodes_positive_negative_and_multi_digit_values() {
        assertThat(SourceMap.Vlq.decode("AAgBC")).containsExactly(0, 0, 16, 1);
        assertThat(SourceMap.Vlq.decode("D")).containsExactly(-1);
        assertThat(SourceMap.Vlq.decode("2H")).containsExactly(123);
    }

    @Test
    void a_generated_place_maps_back_to_the_original_file_line_and_column() {
        SourceMap map = SourceMap.parse("{\"version\":3,\"sources\":[\"src/test.ts\"],\"mappings\":\"AAAA;EAII,MAAM\"}");
        assertThat(map.original(2, 3)).contains(new SourceMap.Position("src/test.ts", 5, 5));
        assertThat(map.original(2, 9)).contains(new SourceMap.Position("src/test.ts", 5, 11));
        assertThat(map.original(9, 1)).isEmpty();
    }

    @Test
    void an_inline_map_is_found_at_the_end_of_the_generated_code() {
        String code = "let a;\nthrow 1;\n" + inlineMap("{\"version\":3,\"sources\":[\"a.ts\"],\"mappings\":\"AAAA;AACA\"}");
        assertThat(SourceMap.inline(code)).isPresent();
        assertThat(SourceLocations.describe("/s/bundle.js", code, 2, 1)).isEqualTo("/s/a.ts:2:1");
        assertThat(SourceLocations.describe("/s/plain.js", "let a;", 2, 1)).isEqualTo("/s/plain.js:2:1");
    }

    @Test
    void remote_module_paths_show_as_their_url() {
        assertThat(SourceLocations.describe("/__weft_remote__/https/jslib.k6.io/x/1.0/index.js", null, 3, 4))
                .isEqualTo("https://jslib.k6.io/x/1.0/index.js:3:4");
    }
}
