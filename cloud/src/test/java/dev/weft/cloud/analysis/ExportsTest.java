package dev.weft.cloud.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV cells as RFC 4180 wants them, and never a formula a spreadsheet would run. */
class ExportsTest {
    @Test
    void cellsWithCommasQuotesOrNewlinesAreQuotedAndWholeNumbersHaveNoDecimals() {
        assertThat(Exports.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Exports.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Exports.cell(12.0)).isEqualTo("12");
        assertThat(Exports.cell(12.5)).isEqualTo("12.5");
        assertThat(Exports.cell(null)).isEmpty();
    }

    @Test
    void aTextStartingLikeAFormulaIsPrefixedSoASpreadsheetShowsIt() {
        assertThat(Exports.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Exports.cell("-1 item")).isEqualTo("'-1 item");
        assertThat(Exports.cell(-1.5)).as("numbers stay numbers").isEqualTo("-1.5");
    }

    @Test
    void theHttpCsvHasAHeaderLineAndOneLinePerRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "https://shop.test/a?x=1,2");
        row.put("url", null);
        row.put("method", "GET");
        row.put("status", "200");
        row.put("count", 3L);
        row.put("failures", 0L);
        row.put("avgMs", 1.5);

        String csv = Exports.httpCsv(List.of(row));

        assertThat(csv).isEqualTo("name,url,method,status,count,failures,avgMs,p95Ms,p99Ms,minMs,maxMs\r\n"
                + "\"https://shop.test/a?x=1,2\",,GET,200,3,0,1.5,,,,\r\n");
    }
}
