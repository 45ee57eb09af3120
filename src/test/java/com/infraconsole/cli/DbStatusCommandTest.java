package com.infraconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.dbadmin.DatabaseAdminService;
import com.infraconsole.security.SystemAuthentication;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * db-status reads the same DatabaseAdminService as the Database screen. Run as the command
 * line runs it (as the system account), in the test context.
 */
@IntegrationTest
class DbStatusCommandTest {

    @Autowired
    DatabaseAdminService database;

    @Test
    void db_status_reports_connection_server_schema_version_and_validation_and_exits_0_when_up_to_date() {
        var out = new ByteArrayOutputStream();
        int code = SystemAuthentication.call(() -> new DbStatusCommand(database)
                .run(
                        List.of(),
                        new BufferedReader(new StringReader("")),
                        new PrintStream(out, true, StandardCharsets.UTF_8)));
        var text = out.toString(StandardCharsets.UTF_8);
        var status = SystemAuthentication.call(database::migrations);
        assertThat(code).as(text).isZero();
        assertThat(text)
                .contains(
                        "Connection:     jdbc:mariadb://",
                        "Server:         MariaDB",
                        "Schema version: " + status.currentVersion() + " (" + status.currentDescription() + ")",
                        "Pending:        0",
                        "Failed:         0",
                        "Validation:     OK",
                        "Status:         OK");
    }

    @Test
    void db_status_on_the_command_line_prints_the_same_facts_and_exits_0() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = CommandLineMode.run(
                com.infraconsole.Application.class,
                new String[] {"db-status"},
                new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new String[] {"--spring.profiles.active=test"});
        var text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text)
                .contains("Server:         MariaDB", "Pending:        0", "Validation:     OK", "Status:         OK");
    }
}
