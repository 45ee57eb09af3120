package com.infraconsole.server;

import static com.infraconsole.server.EnvironmentServiceTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import com.infraconsole.server.ImportReport.Outcome;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

@IntegrationTest
class ServerTransferServiceTest {

    @Autowired
    ServerTransferService transfer;

    @Autowired
    ServerService servers;

    @Autowired
    EnvironmentService environments;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private long countHosts(String prefix) {
        return servers.count(new ServerFilter(prefix, null, null));
    }

    @Test
    void csv_preview_reports_each_row_and_writes_nothing() {
        testUsers.signIn(Role.OPERATOR);
        var p = unique("pv");
        var csv = """
                hostname,ip_address,ssh_port,ssh_user,os_type,environment,status,location,description
                %1$s-a.example.test,10.1.0.1,22,deploy,Debian 12,staging,active,Rack 1,"web, front"
                %1$s-b.example.test,10.1.0.400,22,deploy,,staging,active,,
                """.formatted(p);
        var report = transfer.preview(csv, ImportFormat.CSV, null);
        assertThat(report.applied()).isFalse();
        assertThat(report.rows()).extracting(ImportReport.Row::outcome).containsExactly(Outcome.NEW, Outcome.REJECTED);
        assertThat(report.rows().get(1).reason()).contains("ip_address");
        assertThat(countHosts(p)).isZero();
    }

    @Test
    void csv_import_creates_valid_rows_skips_duplicates_and_rejects_bad_rows_with_reasons() {
        var me = testUsers.signIn(Role.OPERATOR);
        var p = unique("csv");
        var existing = new Server();
        existing.setHostname(p + "-old.example.test");
        existing.setIpAddress("10.2.0.9");
        existing.setEnvironment(environments.all().getFirst());
        servers.save(existing);
        var csv = """
                hostname,ip_address,ssh_port,ssh_user,os_type,environment,status,location,description
                %1$s-1.example.test,10.2.0.1,2222,deploy,Debian 12,production,maintenance,Rack 1,"multi
                line, quoted \"\"text\"\"\"
                %1$s-old.example.test,10.2.0.9,22,root,,production,active,,
                %1$s-1.example.test,10.2.0.1,22,root,,production,active,,
                %1$s-2.example.test,10.2.0.2,notaport,root,,production,active,,
                %1$s-3.example.test,10.2.0.3,22,root,,nowhere,active,,
                %1$s-4.example.test,10.2.0.4,22,root,,production,broken,,
                %1$s-5.example.test,10.2.0.5,22
                ,10.2.0.6,22,root,,production,active,,
                %1$s-7.example.test,10.2.0.7,22,root,,,,,
                """.formatted(p);
        var envId = environments.all().getFirst().getId();
        var report = transfer.importValid(csv, ImportFormat.CSV, envId);
        assertThat(report.applied()).isTrue();
        assertThat(report.rows())
                .extracting(ImportReport.Row::outcome)
                .containsExactly(
                        Outcome.NEW,
                        Outcome.DUPLICATE,
                        Outcome.DUPLICATE,
                        Outcome.REJECTED,
                        Outcome.REJECTED,
                        Outcome.REJECTED,
                        Outcome.REJECTED,
                        Outcome.REJECTED,
                        Outcome.NEW);
        assertThat(report.rows().get(2).reason()).contains("line 2");
        assertThat(report.rows().get(3).reason()).contains("whole number");
        assertThat(report.rows().get(4).reason()).contains("Unknown environment");
        assertThat(report.rows().get(5).reason()).contains("Status");
        assertThat(report.rows().get(6).reason()).contains("cells");
        assertThat(report.rows().get(7).reason()).contains("hostname");
        assertThat(countHosts(p)).isEqualTo(3);
        var first = servers.list(new ServerFilter(p + "-1", null, null), PageRequest.of(0, 5))
                .getFirst();
        assertThat(first.getSshPort()).isEqualTo(2222);
        assertThat(first.getStatus()).isEqualTo(ServerStatus.MAINTENANCE);
        assertThat(first.getDescription()).isEqualTo("multi\nline, quoted \"text\"");
        assertThat(first.getCreatedBy()).isEqualTo(me.getId());
    }

    @Test
    void ini_inventory_maps_groups_to_environments_and_host_vars_to_fields() {
        testUsers.signIn(Role.ADMIN);
        var p = unique("ini");
        var ini = """
                # inventory
                [production]
                %1$s-web1.example.test ansible_host=10.3.0.1 ansible_port=2200 ansible_user=deploy
                %1$s-web2.example.test ansible_host="10.3.0.2"

                [databases]
                %1$s-db1.example.test ansible_host=10.3.0.3
                %1$s-web1.example.test

                [databases:vars]
                ansible_user=dba

                [odd]
                %1$s-noip.example.test
                %1$s-web[01:03].example.test ansible_host=10.3.0.9
                %1$s-bad.example.test ansible_host=not-an-ip
                """.formatted(p);
        var staging = environments.all().stream()
                .filter(e -> e.getName().equals("staging"))
                .findFirst()
                .orElseThrow();
        var report = transfer.importValid(ini, ImportFormat.ANSIBLE_INI, staging.getId());
        assertThat(report.rows())
                .extracting(ImportReport.Row::outcome)
                .containsExactly(
                        Outcome.NEW, Outcome.NEW, Outcome.NEW, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED);
        var web1 = servers.list(new ServerFilter(p + "-web1", null, null), PageRequest.of(0, 1))
                .getFirst();
        assertThat(web1.getEnvironment().getName()).isEqualTo("production");
        assertThat(web1.getSshPort()).isEqualTo(2200);
        assertThat(web1.getSshUser()).isEqualTo("deploy");
        var db1 = servers.list(new ServerFilter(p + "-db1", null, null), PageRequest.of(0, 1))
                .getFirst();
        assertThat(db1.getEnvironment().getName()).isEqualTo("staging");
        assertThat(db1.getSshUser()).isEqualTo("dba");
        assertThat(report.rows().get(3).reason()).contains("ansible_host");
        assertThat(report.rows().get(4).reason()).contains("ranges");
    }

    @Test
    void ini_children_groups_inherit_the_environment_of_their_parent() {
        testUsers.signIn(Role.OPERATOR);
        var p = unique("kids");
        var ini = """
                [webservers]
                %1$s-w1.example.test ansible_host=10.6.0.1

                [production:children]
                webservers
                """.formatted(p);
        var report = transfer.importValid(ini, ImportFormat.ANSIBLE_INI, null);
        assertThat(report.count(Outcome.NEW)).isEqualTo(1);
        var w1 = servers.list(new ServerFilter(p + "-w1", null, null), PageRequest.of(0, 1))
                .getFirst();
        assertThat(w1.getEnvironment().getName()).isEqualTo("production");
    }

    @Test
    void a_failing_insert_leaves_nothing_half_imported() {
        testUsers.signIn(Role.OPERATOR);
        var p = unique("half");
        // A trigger refuses the second row in the database although it passed validation, as a
        // hostname created by someone else between preview and import would: the first row must roll back.
        jdbc.execute("CREATE TRIGGER trg_test_half BEFORE INSERT ON servers FOR EACH ROW "
                + "IF NEW.hostname = '" + p + "-2.example.test' THEN "
                + "SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'simulated duplicate'; END IF");
        try {
            var csv =
                    "hostname,ip_address,environment\n%1$s-1.example.test,10.4.0.1,staging\n%1$s-2.example.test,10.4.0.2,staging\n"
                            .formatted(p);
            assertThatThrownBy(() -> transfer.importValid(csv, ImportFormat.CSV, null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Nothing was imported");
            assertThat(countHosts(p)).isZero();
        } finally {
            jdbc.execute("DROP TRIGGER trg_test_half");
        }
    }

    @Test
    void auditor_cannot_import_but_may_export() {
        testUsers.signIn(Role.AUDITOR);
        assertThatThrownBy(() -> transfer.importValid("hostname,ip_address\nx,10.0.0.1\n", ImportFormat.CSV, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> transfer.preview("hostname,ip_address\nx,10.0.0.1\n", ImportFormat.CSV, null))
                .isInstanceOf(AccessDeniedException.class);
        transfer.exportCsv(ServerFilter.none(), new StringWriter());
    }

    @Test
    void a_file_without_the_required_header_is_refused_as_a_whole() {
        testUsers.signIn(Role.OPERATOR);
        assertThatThrownBy(() -> transfer.preview("name,ip\nx,10.0.0.1\n", ImportFormat.CSV, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("file"));
        assertThatThrownBy(() -> transfer.preview("hostname,ip_address\n\"x,10.0.0.1\n", ImportFormat.CSV, null))
                .hasMessageContaining("never closed");
    }

    @Test
    void export_writes_the_filtered_servers_with_creator_and_round_trips_through_import() {
        var me = testUsers.signIn(Role.OPERATOR);
        var p = unique("exp");
        var csv = """
                hostname,ip_address,ssh_port,ssh_user,os_type,environment,status,location,description
                %1$s-a.example.test,10.5.0.1,22,deploy,Debian 12,staging,active,"Rack 1, row 2",=cmd()
                %1$s-b.example.test,10.5.0.2,22,deploy,,staging,inactive,,
                """.formatted(p);
        transfer.importValid(csv, ImportFormat.CSV, null);
        var out = new StringWriter();
        transfer.exportCsv(new ServerFilter(p, null, ServerStatus.ACTIVE), out);
        var lines = out.toString().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith(String.join(",", ServerTransferService.COLUMNS) + ",created_by");
        assertThat(lines[1])
                .startsWith(p + "-a.example.test,10.5.0.1,22,deploy,Debian 12,staging,active,\"Rack 1, row 2\",'=cmd(),"
                        + me.getUsername() + ",");
        var reimport = transfer.preview(out.toString(), ImportFormat.CSV, null);
        assertThat(reimport.rows()).extracting(ImportReport.Row::outcome).containsExactly(Outcome.DUPLICATE);
    }

    @Test
    void nobody_signed_in_can_import_or_export() {
        assertThatThrownBy(() -> transfer.preview("hostname,ip_address\nx,10.0.0.1\n", ImportFormat.CSV, null))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> transfer.importValid("hostname,ip_address\nx,10.0.0.1\n", ImportFormat.CSV, null))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> transfer.exportCsv(ServerFilter.none(), new StringWriter()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void rows_with_values_longer_than_their_columns_are_rejected_with_the_field_named() {
        testUsers.signIn(Role.ADMIN);
        var p = unique("toolong");
        var csv = "hostname,ip_address,environment,location,os_type\n"
                + p + "-1.example.test,10.5.0.1,staging," + "r".repeat(101) + ",\n"
                + p + "-2.example.test,10.5.0.2,staging,," + "o".repeat(51) + "\n"
                + p + "-" + "h".repeat(250) + ".example.test,10.5.0.3,staging,,\n"
                + p + "-4.example.test,10.5.0.4,staging,Rack 4,Debian 12\n";
        var report = transfer.importValid(csv, ImportFormat.CSV, null);
        assertThat(report.rows())
                .extracting(ImportReport.Row::outcome)
                .containsExactly(Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.NEW);
        assertThat(report.rows().get(0).reason()).contains("location");
        assertThat(report.rows().get(1).reason()).contains("os_type");
        assertThat(report.rows().get(2).reason()).contains("hostname");
        assertThat(countHosts(p)).isEqualTo(1);
    }
}
