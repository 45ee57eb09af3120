package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.VerificationResult.Problem;
import com.infraconsole.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live table refuses UPDATE and DELETE. Tampering is shown on a copy of the chain in a schema
 * of its own, where no trigger stops us: exactly what a DBA who dropped the triggers could do,
 * without touching the table that every other test shares.
 */
@IntegrationTest
class AppendOnlyAndTamperTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    TestUsers testUsers;

    @Autowired
    AuditKeys keys;

    TestChains chains;

    @org.junit.jupiter.api.BeforeEach
    void chains() {
        chains = new TestChains(jdbc);
    }

    @Test
    void the_database_refuses_update_and_delete_on_audit_rows() {
        testUsers.create(Role.OPERATOR); // at least one real row to attack
        long seq = jdbc.queryForObject("SELECT MAX(seq) FROM audit_logs", Long.class);
        var action = jdbc.queryForObject("SELECT action FROM audit_logs WHERE seq = ?", String.class, seq);
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_logs SET action = 'FORGED' WHERE seq = ?", seq))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_logs WHERE seq = ?", seq))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT action FROM audit_logs WHERE seq = ?", String.class, seq))
                .isEqualTo(action);
    }

    @Test
    void an_untouched_chain_verifies() {
        var t = chainOf(20);
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> {
            assertThat(r.intact()).isTrue();
            assertThat(r.message()).isEqualTo("20 rows verified");
        });
    }

    @Test
    void an_altered_row_is_named() {
        var t = chainOf(20);
        jdbc.update("UPDATE " + t.logs() + " SET username = 'someone-else' WHERE seq = 7");
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> broken(r, 7, Problem.ALTERED));
    }

    @Test
    void an_altered_row_with_a_recomputed_hash_is_named_by_its_successor() {
        var t = chainOf(20);
        var row = jdbc.queryForObject(
                "SELECT " + AuditRows.COLUMNS + " FROM " + t.logs() + " WHERE seq = 7", AuditRows::map);
        var forged = new AuditRow(
                7,
                row.occurredAt(),
                row.userId(),
                "someone-else",
                row.action(),
                row.entityType(),
                row.entityId(),
                row.changes(),
                row.clientIp(),
                row.userAgent(),
                row.outcome(),
                row.prevHash(),
                null);
        jdbc.update(
                "UPDATE " + t.logs() + " SET username = 'someone-else', hash = ? WHERE seq = 7",
                new ChainHasher().hash(forged));
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> broken(r, 7, Problem.ALTERED));
    }

    @Test
    void a_removed_row_is_named() {
        var t = chainOf(20);
        jdbc.update("DELETE FROM " + t.logs() + " WHERE seq = 12");
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> broken(r, 12, Problem.REMOVED));
    }

    @Test
    void removed_rows_at_the_end_are_named() {
        var t = chainOf(20);
        jdbc.update("DELETE FROM " + t.logs() + " WHERE seq >= 19");
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> broken(r, 19, Problem.REMOVED));
    }

    @Test
    void an_inserted_row_is_named() {
        var t = chainOf(20);
        // A second row 9, copying the neighbours' hashes to look plausible.
        jdbc.update("INSERT INTO " + t.logs() + " (seq, occurred_at, username, action, outcome, prev_hash, hash) "
                + "SELECT seq, DATE_ADD(occurred_at, INTERVAL 1 SECOND), 'ghost', 'LOGIN_SUCCESS', 'SUCCESS', prev_hash, hash "
                + "FROM " + t.logs() + " WHERE seq = 9");
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> broken(r, 9, Problem.INSERTED));
    }

    @Test
    void a_row_appended_behind_the_consoles_back_is_named() {
        var t = chainOf(20);
        var last = jdbc.queryForObject(
                "SELECT " + AuditRows.COLUMNS + " FROM " + t.logs() + " WHERE seq = 20", AuditRows::map);
        var forged = new AuditRow(
                21,
                last.occurredAt().plusSeconds(1),
                null,
                "ghost",
                "DELETE",
                "Server",
                "1",
                null,
                null,
                null,
                "SUCCESS",
                last.hash(),
                null);
        jdbc.update(
                AuditChainWriter.INSERT.replace("audit_logs", t.logs()),
                AuditChainWriter.params(forged.withHash(new ChainHasher().hash(forged))));
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> broken(r, 21, Problem.INSERTED));
    }

    @Test
    void a_row_slipped_in_before_the_start_of_the_chain_is_named() {
        var t = chainOf(5);
        jdbc.update("INSERT INTO " + t.logs() + " (seq, occurred_at, username, action, outcome, prev_hash, hash) "
                + "VALUES (0, '2026-01-01', 'ghost', 'LOGIN_SUCCESS', 'SUCCESS', '', '')");
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> broken(r, 0, Problem.INSERTED));
    }

    @Test
    void the_console_signs_every_new_row_with_the_current_audit_key() {
        testUsers.create(Role.OPERATOR);
        var last = jdbc.queryForObject("SELECT key_id FROM audit_logs ORDER BY seq DESC LIMIT 1", String.class);
        assertThat(last).isEqualTo(keys.current().id());
    }

    @Test
    void old_unkeyed_rows_still_verify_and_the_verifier_says_where_the_keyed_chain_starts() {
        var t = chains.empty();
        chains.append(t, 8, null);
        chains.append(t, 12, keys.current());
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> {
            assertThat(r.intact()).as(r.message()).isTrue();
            assertThat(r.keyedFromSeq()).isEqualTo(9);
            assertThat(r.message()).isEqualTo("20 rows verified; keyed (HMAC) from seq 9");
        });
    }

    @Test
    void a_plain_sha256_row_appended_with_the_database_account_alone_is_named() {
        var t = chains.empty();
        chains.append(t, 20, keys.current());
        chains.forge(t, null); // correct prev_hash, head moved: this verified before the chain was keyed
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> broken(r, 21, Problem.INSERTED));
    }

    @Test
    void a_row_signed_with_a_key_the_console_does_not_hold_is_named() {
        var t = chains.empty();
        chains.append(t, 20, keys.current());
        var own = new byte[32];
        new java.security.SecureRandom().nextBytes(own);
        chains.forge(t, new AuditKeys.Key(AuditKeys.idOf(own), own));
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> {
            broken(r, 21, Problem.ALTERED);
            assertThat(r.message()).contains("does not hold");
        });
    }

    @Test
    void a_row_claiming_the_real_key_id_but_signed_with_another_key_is_named() {
        var t = chains.empty();
        chains.append(t, 20, keys.current());
        var own = new byte[32];
        new java.security.SecureRandom().nextBytes(own);
        chains.forge(t, new AuditKeys.Key(keys.current().id(), own));
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> {
            broken(r, 21, Problem.ALTERED);
            assertThat(r.message()).contains("without the audit key");
        });
    }

    @Test
    void a_keyed_row_altered_by_the_database_account_is_named() {
        var t = chains.empty();
        chains.append(t, 20, keys.current());
        jdbc.update("UPDATE " + t.logs() + " SET username = 'someone-else' WHERE seq = 7");
        assertThat(verifier.verify(t, n -> {})).satisfies(r -> broken(r, 7, Problem.ALTERED));
    }

    private static void broken(VerificationResult r, long seq, Problem problem) {
        assertThat(r.intact()).as(r.message()).isFalse();
        assertThat(r.problem()).as(r.message()).isEqualTo(problem);
        assertThat(r.firstBadSeq()).as(r.message()).isEqualTo(seq);
    }

    /** A fresh schema holding a correct chain of n rows, written the way the console wrote before it was keyed. */
    private ChainTables chainOf(int n) {
        var t = chains.empty();
        chains.append(t, n, null);
        return t;
    }
}
