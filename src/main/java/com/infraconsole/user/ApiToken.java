package com.infraconsole.user;

import com.infraconsole.base.EditableEntity;
import com.infraconsole.base.audit.AuditIgnored;
import com.infraconsole.base.audit.AuditMasked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A personal access token as stored: its SHA-256, never its text. The owner's role and state are
 * read at every use (ApiTokenVerifier), so the token itself carries no role.
 */
@Entity
@Table(name = "api_tokens")
class ApiToken extends EditableEntity {

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(nullable = false, length = 80)
    private String name;

    @AuditMasked
    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(nullable = false, length = 16, updatable = false)
    private String hint;

    @Column(name = "read_only", nullable = false)
    private boolean readOnly;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** Written by a bulk update at most once a minute per token, outside the audit log. */
    @AuditIgnored
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 80)
    private String revokedBy;

    protected ApiToken() {}

    ApiToken(long userId, String name, String tokenHash, String hint, boolean readOnly, Instant expiresAt) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.hint = hint;
        this.readOnly = readOnly;
        this.expiresAt = expiresAt;
    }

    void revoke(Instant at, String by) {
        revokedAt = at;
        revokedBy = by;
    }

    long getUserId() {
        return userId;
    }

    String getName() {
        return name;
    }

    String getHint() {
        return hint;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    ApiTokenInfo info(String owner) {
        return new ApiTokenInfo(
                getId(),
                userId,
                owner,
                name,
                hint,
                readOnly,
                getCreatedAt(),
                expiresAt,
                lastUsedAt,
                revokedAt,
                revokedBy);
    }
}
