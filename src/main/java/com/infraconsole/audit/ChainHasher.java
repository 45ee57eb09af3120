package com.infraconsole.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash of a row: over a canonical serialization of the row and the previous row's hash. Every
 * field is written as its UTF-8 byte length and bytes (null as -1), so no choice of values can
 * make two different rows serialize alike. The timestamp is taken in microseconds, as DATETIME(6)
 * keeps it. A row with a key id is hashed with HMAC-SHA256 under that audit key, the key id being
 * the last field; a row without one (written before the chain was keyed) with plain SHA-256.
 * Only the holder of the key, which the database does not have, can write a row that verifies.
 */
final class ChainHasher {

    static final String GENESIS = "0".repeat(64);

    private final MessageDigest digest;
    private final Map<String, Mac> macs = new HashMap<>();
    private Mac mac;

    ChainHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain SHA-256, for a row without a key id. Not thread-safe: one hasher per writer or verifier run. */
    String hash(AuditRow r) {
        if (r.keyId() != null) {
            throw new IllegalArgumentException("Row " + r.seq() + " is keyed: hash it with its key");
        }
        return hash(r, null);
    }

    /** HMAC-SHA256 with {@code key} (whose id must be the row's key id), or plain SHA-256 when key is null. */
    String hash(AuditRow r, AuditKeys.Key key) {
        mac = null;
        digest.reset();
        if (key != null) {
            if (!key.id().equals(r.keyId())) {
                throw new IllegalArgumentException("Row " + r.seq() + " names key " + r.keyId() + ", not " + key.id());
            }
            mac = macs.computeIfAbsent(key.id(), id -> newMac(key.secret()));
            mac.reset();
        }
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
        if (mac != null) {
            put(r.keyId());
            return HexFormat.of().formatHex(mac.doFinal());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** HMAC-SHA256 of a text, for checkpoints. */
    static String mac(AuditKeys.Key key, String text) {
        return HexFormat.of().formatHex(newMac(key.secret()).doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac(byte[] secret) {
        try {
            var m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant truncate(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private void put(String s) {
        if (s == null) {
            update(intBytes(-1));
            return;
        }
        var bytes = s.getBytes(StandardCharsets.UTF_8);
        update(intBytes(bytes.length));
        update(bytes);
    }

    private void update(byte[] bytes) {
        if (mac != null) {
            mac.update(bytes);
        } else {
            digest.update(bytes);
        }
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
