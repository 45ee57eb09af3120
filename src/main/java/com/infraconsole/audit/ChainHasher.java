package com.infraconsole.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * SHA-256 over a canonical serialization of a row and the previous row's hash. Every field is
 * written as its UTF-8 byte length and bytes (null as -1), so no choice of values can make two
 * different rows serialize alike. The timestamp is taken in microseconds, as DATETIME(6) keeps it.
 */
final class ChainHasher {

    static final String GENESIS = "0".repeat(64);

    private final MessageDigest digest;

    ChainHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Not thread-safe: one hasher per writer or verifier run. */
    String hash(AuditRow r) {
        digest.reset();
        put(Long.toString(r.seq()));
        put(Long.toString(micros(r.occurredAt())));
        put(r.userId() == null ? null : Long.toString(r.userId()));
        put(r.username());
        put(r.action());
        put(r.entityType());
        put(r.entityId());
        put(r.changes());
        put(r.clientIp());
        put(r.userAgent());
        put(r.outcome());
        put(r.prevHash());
        return HexFormat.of().formatHex(digest.digest());
    }

    static Instant truncate(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private void put(String s) {
        if (s == null) {
            digest.update(intBytes(-1));
            return;
        }
        var bytes = s.getBytes(StandardCharsets.UTF_8);
        digest.update(intBytes(bytes.length));
        digest.update(bytes);
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
