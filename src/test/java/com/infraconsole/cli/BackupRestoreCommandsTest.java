package com.infraconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** db-backup and db-restore on the embedded MariaDB, with the dump tool of its own distribution. */
@IntegrationTest
class BackupRestoreCommandsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DbBackupCommand backup;

    @Autowired
    DbRestoreCommand restore;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    record Run(int exit, String out) {
        String lastLine() {
            var lines = out.strip().lines().toList();
            return lines.getLast();
        }
    }

    private static Run run(CliCommand command, String... args) {
        var out = new ByteArrayOutputStream();
        int exit = SystemAuthentication.call(() -> command.run(
                List.of(args),
                new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8)));
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    private static Path dir(String name) throws Exception {
        return Files.createDirectories(Path.of("target/backup-tests", name + "-" + System.nanoTime()))
                .toAbsolutePath();
    }

    @Test
    void a_backup_is_a_gzipped_dump_with_its_hash_row_counts_and_an_audit_row() throws Exception {
        testUsers.create(Role.OPERATOR);
        var result = run(backup, "--to", dir("one").toString());

        assertThat(result.exit()).as(result.out()).isZero();
        var file = Path.of(result.lastLine());
        assertThat(file).exists().hasFileName(file.getFileName().toString()).isAbsolute();
        assertThat(file.getFileName().toString())
                .matches("infra-console-infra_console-\\d{8}-\\d{6}-v[\\d.]+\\.sql\\.gz");
        String sql;
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(sql).contains("CREATE TABLE `users`", "INSERT INTO `users`", "CREATE", "TRIGGER");

        var manifest = JSON.readTree(Files.readString(
                file.resolveSibling(file.getFileName().toString().replace(".sql.gz", ".manifest.json"))));
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(manifest.get("sha256").asString()).isEqualTo(sha);
        assertThat(result.out()).contains("SHA-256:        " + sha);
        assertThat(manifest.get("schemaVersion").asString())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history", String.class));
        assertThat(manifest.get("serverVersion").asString()).contains("MariaDB");
        assertThat(manifest.get("dumpTool").asString()).contains("mariadb-dump").contains("10.11.5");
        assertThat(manifest.get("tables").get("users").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM users", Long.class));

        var audit = jdbc.queryForMap(
                "SELECT action, entity_id, changes, username FROM audit_logs ORDER BY seq DESC LIMIT 1");
        assertThat(audit)
                .containsEntry("action", "DB_BACKUP")
                .containsEntry("entity_id", sha)
                .containsEntry("username", "system");
        assertThat((String) audit.get("changes")).contains(file.toString());
        // The option file with the password lived in a private temp directory and is gone.
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("infra-dump-"));
        }
    }

    @Test
    void restore_brings_data_and_audit_chain_back_identical_and_verifies_the_chain() throws Exception {
        testUsers.create(Role.OPERATOR);
        var dir = dir("round-trip");
        var users = snapshot("SELECT id, username, role, password_hash FROM users ORDER BY id");
        var chain = snapshot("SELECT seq, hash FROM audit_logs ORDER BY seq");
        var taken = run(backup, "--to", dir.toString());
        assertThat(taken.exit()).as(taken.out()).isZero();

        var extra = testUsers.create(Role.AUDITOR);
        jdbc.update(
                "UPDATE users SET email = 'changed@example.test' WHERE id = ?",
                users.getFirst().get("id"));
        assertThat(snapshot("SELECT id, username, role, password_hash FROM users ORDER BY id"))
                .isNotEqualTo(users);

        var restored = run(restore, taken.lastLine(), "--yes");

        assertThat(restored.exit()).as(restored.out()).isZero();
        assertThat(restored.out())
                .contains("matches the manifest", "Current state backed up first to ", "the audit chain is intact");
        assertThat(snapshot("SELECT id, username, role, password_hash FROM users ORDER BY id"))
                .isEqualTo(users);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE id = ?", Long.class, extra.getId()))
                .isZero();
        assertThat(snapshot("SELECT seq, hash FROM audit_logs ORDER BY seq LIMIT " + chain.size()))
                .isEqualTo(chain);
        var last = jdbc.queryForMap("SELECT action, changes FROM audit_logs ORDER BY seq DESC LIMIT 1");
        assertThat(last.get("action")).isEqualTo("DB_RESTORE");
        assertThat((String) last.get("changes")).contains("pre_restore_backup");
        // The pre-restore backup kept the state the restore replaced, the extra user included.
        var before = Path.of(restored.out()
                .lines()
                .filter(l -> l.startsWith("Current state backed up first to "))
                .findFirst()
                .orElseThrow()
                .substring("Current state backed up first to ".length()));
        assertThat(before.getFileName().toString()).endsWith("-pre-restore.sql.gz");
        try (var in = new GZIPInputStream(Files.newInputStream(before))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(extra.getUsername());
        }
    }

    @Test
    void a_backup_whose_file_does_not_match_its_manifest_is_refused() throws Exception {
        var taken = run(backup, "--to", dir("tampered").toString());
        var file = Path.of(taken.lastLine());
        var bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        long before = jdbc.queryForObject("SELECT MAX(seq) FROM audit_logs", Long.class);

        var refused = run(restore, file.toString(), "--yes");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out())
                .contains("db-restore refused: SHA-256 of " + file.getFileName())
                .contains("changed or damaged");
        assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM audit_logs", Long.class))
                .isEqualTo(before);
    }

    @Test
    void a_backup_of_a_newer_schema_is_refused() throws Exception {
        var taken = run(backup, "--to", dir("newer").toString());
        var manifest = Path.of(taken.lastLine().replace(".sql.gz", ".manifest.json"));
        Files.writeString(
                manifest,
                Files.readString(manifest)
                        .replaceFirst("\"schemaVersion\" : \"[^\"]+\"", "\"schemaVersion\" : \"9999\""));

        var refused = run(restore, manifest.toString(), "--yes");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("schema version 9999, newer than this console knows");
    }

    @Test
    void without_yes_and_without_a_terminal_nothing_is_restored() throws Exception {
        var taken = run(backup, "--to", dir("no-yes").toString());
        long before = jdbc.queryForObject("SELECT MAX(seq) FROM audit_logs", Long.class);

        var refused = run(restore, taken.lastLine());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.lastLine()).contains("no terminal to confirm on; add --yes");
        assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM audit_logs", Long.class))
                .isEqualTo(before);
    }

    private List<Map<String, Object>> snapshot(String sql) {
        return jdbc.queryForList(sql);
    }
}
