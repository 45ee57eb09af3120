package com.infraconsole.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.server.ImportRows.Candidate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportRowsTest {

    @Test
    void csv_rows_are_keyed_by_the_known_header_names_whatever_their_order_and_case() {
        var rows = ImportRows.fromCsv("IP_Address,hostname,colour\n10.0.0.1, web-01 ,blue\n10.0.0.2,db-01\n");
        assertThat(rows.get(0).get("hostname")).isEqualTo("web-01");
        assertThat(rows.get(0).get("ip_address")).isEqualTo("10.0.0.1");
        assertThat(rows.get(0).fields()).doesNotContainKey("colour");
        assertThat(rows.get(0).problem()).isNull();
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).problem()).isEqualTo("has 2 cells but the header has 3");
    }

    @Test
    void a_csv_without_the_two_required_columns_or_without_anything_is_refused_as_a_whole() {
        assertThatThrownBy(() -> ImportRows.fromCsv("name,address\nx,y\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The first line must be a header naming at least hostname and ip_address");
        assertThatThrownBy(() -> ImportRows.fromCsv("\n\n")).hasMessage("The file is empty.");
    }

    @Test
    void inventory_hosts_take_their_address_port_user_and_environment_from_vars_and_groups() {
        var rows = ImportRows.fromInventory("""
                [web]
                web-01 ansible_host=10.0.0.1 ansible_port=2222 ansible_user=deploy
                10.0.0.7
                nameless
                [Production:children]
                web
                """, Set.of("production"));
        assertThat(rows)
                .extracting(Candidate::problem)
                .containsExactly(null, null, "no ansible_host variable, and the host name is not an IP address");
        assertThat(rows.get(0).fields())
                .containsEntry("ip_address", "10.0.0.1")
                .containsEntry("ssh_port", "2222")
                .containsEntry("ssh_user", "deploy")
                .containsEntry("environment", "Production");
        assertThat(rows.get(1).get("ip_address")).isEqualTo("10.0.0.7");
    }

    @Test
    void an_unreadable_inventory_line_becomes_a_rejected_candidate_on_its_line() {
        assertThat(ImportRows.fromInventory("web-01 ansible_host=10.0.0.1\n\"\n", Set.of()))
                .extracting(Candidate::line, Candidate::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, null),
                        org.assertj.core.groups.Tuple.tuple(2, "the line has a quote that is never closed"));
    }

    @Test
    void csv_parsing_stops_at_the_first_row_beyond_the_limit_and_never_reads_the_rest() {
        var csv = new StringBuilder("hostname,ip_address\n");
        for (int i = 0; i <= ServerTransferService.MAX_ROWS; i++) {
            csv.append("h").append(i).append(",10.0.0.1\n");
        }
        // Beyond the limit: a quote never closed, which a parse of the whole file would stumble on.
        csv.append("\"never closed,10.0.0.2\n");

        assertThatThrownBy(() -> ImportRows.fromCsv(csv.toString()))
                .isInstanceOf(ImportLimitException.class)
                .hasMessage("The file has more than 5000 rows; import at most 5000 at a time. Nothing was imported.");
        assertThat(ImportRows.fromCsv(csv.substring(0, csv.indexOf("h" + ServerTransferService.MAX_ROWS + ","))))
                .hasSize(ServerTransferService.MAX_ROWS);
    }

    @Test
    void inventory_parsing_stops_at_the_first_host_beyond_the_limit() {
        var ini = new StringBuilder("[web]\n");
        for (int i = 0; i <= ServerTransferService.MAX_ROWS; i++) {
            ini.append("h").append(i).append(" ansible_host=10.0.0.1\n");
        }

        assertThatThrownBy(() -> ImportRows.fromInventory(ini.toString(), Set.of()))
                .isInstanceOf(ImportLimitException.class)
                .hasMessageContaining("more than 5000 rows");
        assertThat(ImportRows.fromInventory(
                        ini.substring(0, ini.indexOf("h" + ServerTransferService.MAX_ROWS + " ")), Set.of()))
                .hasSize(ServerTransferService.MAX_ROWS);
    }
}
