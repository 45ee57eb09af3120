package com.infraconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestSchemas;
import com.infraconsole.security.SystemAuthentication;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class AuditRotateKeyCommandTest {

    @Autowired
    AuditRotateKeyCommand rotate;

    @Autowired
    AuditVerifyCommand verify;

    @Autowired
    JdbcTemplate jdbc;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(CliCommand command) {
        return SystemAuthentication.call(() -> command.run(
                List.of(),
                new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8)));
    }

    @Test
    void a_rotation_is_audited_under_the_new_key_and_the_whole_chain_still_verifies() throws Exception {
        var keyFile = TestSchemas.dataDir().resolve("audit-keys"); // infra.data-dir of the test profile
        var before = Files.readString(keyFile);
        assertThat(run(rotate)).isZero();
        var after = Files.readString(keyFile);
        assertThat(after).startsWith(before.strip());
        var newLine = after.substring(before.strip().length()).strip();
        var row =
                jdbc.queryForMap("SELECT action, entity_id, key_id, changes FROM audit_logs ORDER BY seq DESC LIMIT 1");
        assertThat(row.get("action")).isEqualTo("AUDIT_KEY_ROTATE");
        assertThat(row.get("key_id")).isEqualTo(row.get("entity_id"));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains((String) row.get("key_id"))
                .doesNotContain(newLine);
        assertThat((String) row.get("changes")).doesNotContain(newLine);

        assertThat(run(verify)).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("keyed (HMAC) from seq");
    }
}
