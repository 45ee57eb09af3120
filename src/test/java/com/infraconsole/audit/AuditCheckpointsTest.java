package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.audit.VerificationResult.Problem;
import com.infraconsole.security.SystemAuthentication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checkpoints of the chain head outside the database catch what the chain alone cannot: rows cut
 * off the end together with the head, and a rewrite by someone who holds the key.
 */
@IntegrationTest
class AuditCheckpointsTest {

    @TempDir
    Path dir;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditKeys keys;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    AuditService service;

    TestChains chains;
    ChainTables t;
    Path file;

    @BeforeEach
    void chain() {
        chains = new TestChains(jdbc);
        t = chains.empty();
        chains.append(t, 20, keys.current());
        file = dir.resolve("checkpoints.jsonl");
    }

    private VerificationResult verify() {
        return SystemAuthentication.call(() -> service.verify(t, file, n -> {}));
    }

    @Test
    void checkpoints_are_appended_as_signed_json_lines_and_an_intact_chain_matches_them() throws Exception {
        checkpoints.write(t, file);
        chains.append(t, 5, keys.current());
        checkpoints.write(t, file);
        var lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("{\"seq\":20,\"hash\":\"" + chains.row(t, 20).hash() + "\",\"at\":\"")
                .contains("\"key\":\"" + keys.current().id() + "\"", "\"mac\":\"");
        assertThat(verify()).satisfies(r -> {
            assertThat(r.intact()).as(r.message()).isTrue();
            assertThat(r.message())
                    .isEqualTo("25 rows verified; keyed (HMAC) from seq 1; 2 checkpoints outside the database match");
        });
    }

    @Test
    void rows_cut_off_the_end_together_with_the_head_are_named() {
        checkpoints.write(t, file);
        jdbc.update("DELETE FROM " + t.logs() + " WHERE seq > 17");
        jdbc.update(
                "UPDATE " + t.head() + " SET last_seq = 17, last_hash = ? WHERE id = 1",
                chains.row(t, 17).hash());
        // Without the checkpoint the shortened chain looks whole.
        assertThat(new ChainVerifier(jdbc, keys).verify(t, n -> {}).intact()).isTrue();
        assertThat(verify()).satisfies(r -> {
            assertThat(r.problem()).as(r.message()).isEqualTo(Problem.REMOVED);
            assertThat(r.firstBadSeq()).isEqualTo(18);
            assertThat(r.message()).contains("cut off the end");
        });
    }

    @Test
    void a_head_moved_back_behind_the_last_checkpoint_is_named() {
        checkpoints.write(t, file);
        jdbc.update(
                "UPDATE " + t.head() + " SET last_seq = 17, last_hash = ? WHERE id = 1",
                chains.row(t, 17).hash());
        assertThat(verify()).satisfies(r -> {
            assertThat(r.problem()).as(r.message()).isEqualTo(Problem.REMOVED);
            assertThat(r.firstBadSeq()).isEqualTo(18);
        });
    }

    @Test
    void a_checkpointed_row_rewritten_by_someone_who_holds_the_key_is_named() {
        checkpoints.write(t, file);
        jdbc.update("DELETE FROM " + t.logs() + " WHERE seq > 15");
        jdbc.update(
                "UPDATE " + t.head() + " SET last_seq = 15, last_hash = ? WHERE id = 1",
                chains.row(t, 15).hash());
        // A key holder writes other rows 16 to 20, each validly signed.
        chains.forge(t, keys.current());
        chains.append(t, 4, keys.current());
        assertThat(new ChainVerifier(jdbc, keys).verify(t, n -> {}).intact()).isTrue();
        assertThat(verify()).satisfies(r -> {
            assertThat(r.problem()).as(r.message()).isEqualTo(Problem.ALTERED);
            assertThat(r.firstBadSeq()).isEqualTo(20);
            assertThat(r.message()).contains("checkpoint");
        });
    }

    @Test
    void a_checkpoint_line_without_a_valid_signature_proves_nothing_and_is_named() throws Exception {
        checkpoints.write(t, file);
        Files.writeString(
                file,
                "{\"seq\":99,\"hash\":\"" + "a".repeat(64) + "\",\"at\":\"2026-06-01T00:00:00Z\",\"key\":\""
                        + keys.current().id() + "\",\"mac\":\"" + "b".repeat(64) + "\"}\n",
                StandardOpenOption.APPEND);
        assertThat(verify()).satisfies(r -> {
            assertThat(r.intact()).as(r.message()).isTrue();
            assertThat(r.message()).contains("line 2: its signature does not match");
        });
    }

    @Test
    void the_live_verification_appends_a_checkpoint_of_the_head() throws Exception {
        long before = Files.exists(checkpoints.file())
                ? Files.readAllLines(checkpoints.file()).size()
                : 0;
        var result = SystemAuthentication.call(() -> service.verify(n -> {}));
        assertThat(result.intact()).as(result.message()).isTrue();
        var lines = Files.readAllLines(checkpoints.file());
        assertThat(lines).hasSize((int) before + 1);
        assertThat(lines.get(lines.size() - 1))
                .contains("\"key\":\"" + keys.current().id() + "\"");
    }
}
