package com.infraconsole.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

    @Test
    void a_line_quotes_only_what_needs_it_and_ends_in_crlf() {
        var cells = Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rx", null, "");
        assertThat(CsvFormat.line(cells)).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rx\",,\r\n");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe() {
        assertThat(List.of("=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx"))
                .allSatisfy(v -> assertThat(CsvFormat.text(v)).isEqualTo("'" + v));
        assertThat(CsvFormat.text("web-01 = primary")).isEqualTo("web-01 = primary");
        assertThat(CsvFormat.text("")).isEmpty();
        assertThat(CsvFormat.text(null)).isNull();
    }

    @Test
    void a_cell_is_defused_first_and_then_quoted_if_needed() {
        assertThat(CsvFormat.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvFormat.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvFormat.cell("-1")).isEqualTo("'-1");
        assertThat(CsvFormat.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvFormat.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvFormat.cell("plain")).isEqualTo("plain");
        assertThat(CsvFormat.cell(null)).isEmpty();
        assertThat(CsvFormat.cell("")).isEmpty();
    }
}
