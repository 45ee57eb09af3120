package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit keys: the key file's creation and rotation, and keys given in the environment. */
@IntegrationTest
class AuditKeysTest {

    @TempDir
    Path dir;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_key_file_is_created_at_first_start_readable_by_the_owner_only() throws Exception {
        var keys = new AuditKeys("", "", dir.toString());
        var file = dir.resolve("audit-keys");
        assertThat(keys.file()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(keys.current().secret()).hasSize(32);
        assertThat(keys.current().toString())
                .doesNotContain(
                        Base64.getEncoder().encodeToString(keys.current().secret()));
        // No temporary file is left behind.
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        // A second start reads the same key.
        assertThat(new AuditKeys("", "", dir.toString()).current().id())
                .isEqualTo(keys.current().id());
    }

    @Test
    void after_a_rotation_new_rows_use_the_new_key_and_old_rows_still_verify() throws Exception {
        var keys = new AuditKeys("", dir.resolve("k/keys").toString(), "unused");
        var verifier = new ChainVerifier(jdbc, keys);
        var chains = new TestChains(jdbc);
        var t = chains.empty();
        chains.append(t, 5, null);
        var first = keys.current();
        chains.append(t, 10, first);

        var second = keys.rotate();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(keys.current().id()).isEqualTo(second.id());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file())))
                .isEqualTo("rw-------");
        chains.append(t, 10, second);

        var result = verifier.verify(t, n -> {});
        assertThat(result.intact()).as(result.message()).isTrue();
        assertThat(result.rowsVerified()).isEqualTo(25);
        assertThat(result.keyedFromSeq()).isEqualTo(6);
        // Another process (the console started again) finds both keys in the file.
        var again = new AuditKeys("", keys.file().toString(), "unused");
        assertThat(again.byId(first.id())).isPresent();
        assertThat(again.current().id()).isEqualTo(second.id());

        // A console holding other keys cannot vouch for these rows: the first keyed row is named.
        var stranger =
                new ChainVerifier(jdbc, new AuditKeys("", dir.resolve("other").toString(), "unused"));
        assertThat(stranger.verify(t, n -> {}).firstBadSeq()).isEqualTo(6);
    }

    @Test
    void keys_from_the_environment_come_first_and_cannot_be_rotated_from_the_command_line() {
        var current = new byte[32];
        var old = new byte[32];
        current[0] = 1;
        old[0] = 2;
        var enc = Base64.getEncoder();
        var keys = new AuditKeys(enc.encodeToString(current) + "," + enc.encodeToString(old), "", dir.toString());
        assertThat(keys.current().id()).isEqualTo(AuditKeys.idOf(current));
        assertThat(keys.byId(AuditKeys.idOf(old))).isPresent();
        assertThat(Files.exists(dir.resolve("audit-keys"))).isFalse();
        assertThatThrownBy(keys::rotate).hasMessageContaining("INFRA_AUDIT_KEY");
    }

    @Test
    void a_short_or_malformed_key_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> new AuditKeys("c2hvcnQ=", "", dir.toString()))
                .hasMessageContaining("shorter than 32 bytes")
                .message()
                .doesNotContain("c2hvcnQ");
        assertThatThrownBy(() -> new AuditKeys("not base64 !!", "", dir.toString()))
                .hasMessageContaining("not valid base64")
                .message()
                .doesNotContain("!!");
    }
}
