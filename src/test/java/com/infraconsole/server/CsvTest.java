package com.infraconsole.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.base.CsvFormat;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.server.Csv.Record;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quoted_cells_keep_commas_escaped_quotes_and_line_breaks_and_a_record_remembers_its_first_line() {
        var records = Csv.parse("hostname,notes\nweb-01,\"rack 4, \"\"cold\"\" aisle\"\ndb-01,\"two\nlines\"\nlast,x");
        assertThat(records)
                .containsExactly(
                        new Record(1, List.of("hostname", "notes")),
                        new Record(2, List.of("web-01", "rack 4, \"cold\" aisle")),
                        new Record(3, List.of("db-01", "two\nlines")),
                        new Record(5, List.of("last", "x")));
    }

    @Test
    void windows_and_old_mac_line_ends_a_byte_order_mark_and_blank_lines_are_taken_in_stride() {
        assertThat(Csv.parse("\uFEFFa,b\r\n\r\nc,d\re,f\r\n"))
                .containsExactly(
                        new Record(1, List.of("a", "b")),
                        new Record(3, List.of("c", "d")),
                        new Record(4, List.of("e", "f")));
    }

    @Test
    void empty_cells_are_kept_and_a_quote_inside_an_unquoted_cell_is_text() {
        assertThat(Csv.parse("a,,c,\nx\"y,z"))
                .extracting(Record::cells)
                .containsExactly(List.of("a", "", "c", ""), List.of("x\"y", "z"));
    }

    @Test
    void a_quote_that_is_never_closed_names_the_line_it_opens_on() {
        assertThatThrownBy(() -> Csv.parse("a,b\nc,\"open\nd,e\n"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsExactly(
                                        java.util.Map.entry("file", "Line 2 opens a quote that is never closed.")));
    }

    @Test
    void a_line_written_for_export_reads_back_the_same() {
        var cells = Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, "");
        var line = CsvFormat.line(cells);
        assertThat(Csv.parse(line).getFirst().cells())
                .containsExactly("plain", "a,b", "say \"hi\"", "two\nlines", "", "");
    }
}
