package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.security.SystemAuthentication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** INFRA_BACKUP_KEEP: only the newest backups of the schema stay, each with its manifest. */
@IntegrationTest
class BackupRetentionTest {

    @Autowired
    Environment env;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Migrations migrations;

    @Autowired
    Clock clock;

    @Test
    void the_oldest_backups_beyond_keep_are_removed_with_their_manifests() throws Exception {
        var dir = Files.createDirectories(Path.of("target/backup-tests/keep-" + System.nanoTime()))
                .toAbsolutePath();
        var stranger = Files.writeString(dir.resolve("notes.txt"), "not a backup");
        var defaults = BackupSettings.from(env);
        var settings = new BackupSettings(dir, 2, "", true, defaults.dataDir(), defaults.embedded());
        var backups = new Backups(
                settings,
                () -> DumpConnection.of(
                        env.getProperty("spring.datasource.url"),
                        env.getProperty("spring.datasource.username"),
                        env.getProperty("spring.datasource.password")),
                migrations,
                clock);

        var first = SystemAuthentication.call(() -> backups.take(null, "manual", "system"));
        var second = SystemAuthentication.call(() -> backups.take(null, "manual", "system"));
        var third = SystemAuthentication.call(() -> backups.take(null, "pre-migrate", "system"));

        assertThat(first.file()).doesNotExist();
        assertThat(first.manifestFile()).doesNotExist();
        assertThat(second.file()).exists();
        assertThat(third.file()).exists();
        assertThat(third.file().getFileName().toString()).endsWith("-pre-migrate.sql.gz");
        assertThat(third.manifestFile()).exists();
        assertThat(stranger).exists();
    }
}
