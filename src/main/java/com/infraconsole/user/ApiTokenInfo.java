package com.infraconsole.user;

import java.time.Instant;

/** A token as its owner and admins see it: never its text or hash, only its first characters. */
public record ApiTokenInfo(
        long id,
        long userId,
        String owner,
        String name,
        String hint,
        boolean readOnly,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
