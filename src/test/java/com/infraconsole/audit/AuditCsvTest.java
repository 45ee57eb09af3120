package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_defused_and_then_quoted_if_needed() {
        var row = new AuditRow(
                8,
                Instant.parse("2026-11-25T10:00:00Z"),
                3L,
                "=HYPERLINK(\"http://x\")",
                "LOGIN",
                "user",
                "3",
                null,
                "10.0.0.1",
                "@SUM(A1)",
                "SUCCESS",
                "0".repeat(64),
                "f".repeat(64));
        assertThat(AuditCsv.line(row))
                .isEqualTo("8,2026-11-25T10:00:00Z,3,\"'=HYPERLINK(\"\"http://x\"\")\",LOGIN,user,3,,"
                        + "10.0.0.1,'@SUM(A1),SUCCESS," + "0".repeat(64) + "," + "f".repeat(64) + "\r\n");
    }

    @Test
    void a_line_has_one_cell_per_header_column_in_order() {
        var row = new AuditRow(
                7,
                Instant.parse("2026-11-25T10:00:00.123456Z"),
                null,
                "alice",
                "UPDATE",
                "server",
                "12",
                "{\"status\":[\"active\",\"maintenance\"]}",
                "10.0.0.1",
                "Mozilla/5.0 (X11, Linux)",
                "SUCCESS",
                "0".repeat(64),
                "f".repeat(64));
        var line = AuditCsv.line(row);
        assertThat(line)
                .isEqualTo("7,2026-11-25T10:00:00.123456Z,,alice,UPDATE,server,12,"
                        + "\"{\"\"status\"\":[\"\"active\"\",\"\"maintenance\"\"]}\",10.0.0.1,\"Mozilla/5.0 (X11, Linux)\","
                        + "SUCCESS," + "0".repeat(64) + "," + "f".repeat(64) + "\r\n");
        assertThat(AuditCsv.HEADER.split(",")).hasSize(13);
    }
}
