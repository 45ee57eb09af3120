package com.infraconsole.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which sessions an account change has ended, for every node: {@link LiveSessions} ends the
 * sessions it holds itself, and records the change here in the same transaction; the other nodes'
 * {@link RevokedSessionFilter} finds it at the session's next request. A session remembers the
 * generation it signed in under ({@link AppUserPrincipal#sessionGeneration()}).
 */
@Component
public class SessionRevocations {

    /** The account's latest revocation: sessions below {@code generation} end, except the kept one. */
    record Revocation(long generation, String keptSessionHash) {}

    private final JdbcTemplate jdbc;

    SessionRevocations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The generation a session signing in now starts with. */
    public long generation(long userId) {
        return current(userId).map(Revocation::generation).orElse(0L);
    }

    Optional<Revocation> current(long userId) {
        return jdbc
                .query(
                        "SELECT generation, kept_session FROM session_revocations WHERE user_id = ?",
                        (rs, n) -> new Revocation(rs.getLong(1), rs.getString(2)),
                        userId)
                .stream()
                .findFirst();
    }

    /** Ends every session of the account signed in before now, on every node, but the kept one. */
    void revoke(long userId, String keptSessionId) {
        var kept = keptSessionId == null ? null : hash(keptSessionId);
        jdbc.update(
                "INSERT INTO session_revocations (user_id, generation, kept_session, revoked_at)"
                        + " VALUES (?, 1, ?, UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE generation = generation + 1,"
                        + " kept_session = VALUES(kept_session), revoked_at = VALUES(revoked_at)",
                userId,
                kept);
    }

    /** Session ids are credentials: only their hash is stored. */
    static String hash(String sessionId) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
