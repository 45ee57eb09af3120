package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainHasherTest {

    static final Instant AT = Instant.parse("2026-11-25T10:00:00.123456Z");

    static AuditRow row(String username, String entityId, Instant at) {
        return new AuditRow(
                1,
                at,
                5L,
                username,
                "UPDATE",
                "server",
                entityId,
                null,
                "10.0.0.1",
                "ua",
                "SUCCESS",
                ChainHasher.GENESIS,
                null);
    }

    @Test
    void the_hash_is_sha_256_hex_and_the_same_for_the_same_row() {
        var hasher = new ChainHasher();
        var hash = hasher.hash(row("alice", "12", AT));
        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}").isNotEqualTo(ChainHasher.GENESIS);
        assertThat(new ChainHasher().hash(row("alice", "12", AT))).isEqualTo(hash);
    }

    @Test
    void moving_text_between_fields_null_versus_empty_and_the_stored_hash_itself_matter_as_they_should() {
        var hasher = new ChainHasher();
        var hash = hasher.hash(row("alice", "12", AT));
        assertThat(hasher.hash(row("alice1", "2", AT))).isNotEqualTo(hash);
        assertThat(hasher.hash(row("", "12", AT))).isNotEqualTo(hasher.hash(row(null, "12", AT)));
        assertThat(hasher.hash(row("alice", "12", AT).withHash("x")))
                .as("the row's own hash is not hashed")
                .isEqualTo(hash);
    }

    @Test
    void time_counts_to_the_microsecond_as_the_database_keeps_it() {
        var hasher = new ChainHasher();
        assertThat(hasher.hash(row("alice", "12", AT.plusNanos(999)))).isEqualTo(hasher.hash(row("alice", "12", AT)));
        assertThat(hasher.hash(row("alice", "12", AT.plusNanos(1_000))))
                .isNotEqualTo(hasher.hash(row("alice", "12", AT)));
        assertThat(ChainHasher.truncate(AT.plusNanos(999))).isEqualTo(AT);
    }
}
