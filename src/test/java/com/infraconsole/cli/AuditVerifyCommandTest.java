package com.infraconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestSchemas;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class AuditVerifyCommandTest {

    @Autowired
    AuditVerifyCommand command;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        return SystemAuthentication.call(() -> command.run(
                List.of(args),
                new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8)));
    }

    @Test
    void an_intact_chain_exits_0_and_says_how_many_rows_were_verified() {
        testUsers.create(Role.OPERATOR);
        assertThat(run()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("\\d+ rows verified");
    }

    @Test
    void a_copy_with_a_removed_row_exits_1_and_names_the_row() {
        testUsers.create(Role.OPERATOR);
        testUsers.create(Role.OPERATOR);
        var schema = "audit_cli_" + ProcessHandle.current().pid();
        TestSchemas.create(schema);
        for (var table : List.of("audit_logs", "audit_chain_head", "audit_chain_anchors")) {
            jdbc.execute("CREATE TABLE " + schema + "." + table + " LIKE " + table);
            jdbc.execute("INSERT INTO " + schema + "." + table + " SELECT * FROM " + table);
        }
        jdbc.update("DELETE FROM " + schema + ".audit_logs WHERE seq = 2");

        assertThat(run("--schema", schema)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("seq 2").contains("removed");
    }
}
