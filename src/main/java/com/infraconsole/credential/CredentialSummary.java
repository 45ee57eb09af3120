package com.infraconsole.credential;

import java.time.Instant;

/** What anyone may see of a credential: never its secret. */
public record CredentialSummary(
        Long id,
        long version,
        String name,
        CredentialKind kind,
        String username,
        String description,
        String publicKey,
        String fingerprint,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    /** How pickers show it. */
    public String label() {
        return name + " (" + kind.label() + (username == null ? "" : ", " + username) + ")";
    }
}
