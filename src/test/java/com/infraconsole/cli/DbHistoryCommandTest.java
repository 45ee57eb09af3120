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

/** db-history lists what the Database screen lists: every migration, oldest first. */
@IntegrationTest
class DbHistoryCommandTest {

    @Autowired
    DatabaseAdminService database;

    @Test
    void db_history_lists_every_applied_migration_in_order_with_its_checksum_and_the_current_version() {
        var out = new ByteArrayOutputStream();
        int code = SystemAuthentication.call(() -> new DbHistoryCommand(database)
                .run(
                        List.of(),
                        new BufferedReader(new StringReader("")),
                        new PrintStream(out, true, StandardCharsets.UTF_8)));
        var text = out.toString(StandardCharsets.UTF_8);
        var status = SystemAuthentication.call(database::migrations);

        assertThat(code).as(text).isZero();
        var lines = text.lines().toList();
        assertThat(lines.getFirst()).startsWith("VERSION").contains("STATE", "INSTALLED ON (UTC)", "CHECKSUM");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("1 ").contains("Success", "initial schema"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("6 ").contains("environments"));
        assertThat(text.indexOf("initial schema")).isLessThan(text.indexOf("add location to servers"));
        for (var m : status.history()) {
            // A Java migration (V60) has no checksum: the column shows "-".
            assertThat(text).contains(m.checksum() == null ? " - " : String.valueOf(m.checksum()));
        }
        assertThat(lines.getLast())
                .isEqualTo("Current version: " + status.currentVersion() + "; pending: 0; failed: 0");
    }
}
