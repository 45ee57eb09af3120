package com.infraconsole.credential;

import com.infraconsole.base.EditableEntity;
import com.infraconsole.base.audit.AuditMasked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One stored credential. The secret and the passphrase are ciphertext (see {@link SecretBox});
 * the audit log records that they changed, never their value, and names the credential by id and,
 * on creation, by name.
 */
@Entity
@Table(name = "credentials")
class Credential extends EditableEntity {

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CredentialKind kind;

    @Column(length = 100)
    private String username;

    @Column(length = 255)
    private String description;

    @Column(name = "public_key", columnDefinition = "text")
    private String publicKey;

    @Column(length = 120)
    private String fingerprint;

    @AuditMasked
    @Column(name = "secret_ciphertext", nullable = false, columnDefinition = "text")
    private String secretCiphertext;

    @AuditMasked
    @Column(name = "passphrase_ciphertext", columnDefinition = "text")
    private String passphraseCiphertext;

    /** The id of the master key both ciphertexts are sealed with. */
    @Column(name = "key_id", nullable = false, length = 40)
    private String keyId;

    @Column(name = "created_by", length = 80, updatable = false)
    private String createdBy;

    protected Credential() {}

    Credential(String name, CredentialKind kind) {
        this.name = name;
        this.kind = kind;
    }

    @PrePersist
    void rememberCreator() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        createdBy = auth != null && auth.isAuthenticated() ? auth.getName() : "system";
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    CredentialKind getKind() {
        return kind;
    }

    String getUsername() {
        return username;
    }

    void setUsername(String username) {
        this.username = username;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    String getPublicKey() {
        return publicKey;
    }

    String getFingerprint() {
        return fingerprint;
    }

    void setPublicPart(String publicKey, String fingerprint) {
        this.publicKey = publicKey;
        this.fingerprint = fingerprint;
    }

    String getSecretCiphertext() {
        return secretCiphertext;
    }

    String getPassphraseCiphertext() {
        return passphraseCiphertext;
    }

    String getKeyId() {
        return keyId;
    }

    void seal(String keyId, String secretCiphertext, String passphraseCiphertext) {
        this.keyId = keyId;
        this.secretCiphertext = secretCiphertext;
        this.passphraseCiphertext = passphraseCiphertext;
    }

    String getCreatedBy() {
        return createdBy;
    }

    CredentialSummary summary() {
        return new CredentialSummary(
                getId(),
                getVersion(),
                name,
                kind,
                username,
                description,
                publicKey,
                fingerprint,
                createdBy,
                getCreatedAt(),
                getUpdatedBy(),
                getUpdatedAt());
    }

    @Override
    public String toString() {
        return "Credential[" + getId() + " " + name + "]"; // never a secret
    }
}
