package com.infraconsole.server;

import com.infraconsole.base.EditableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "environments")
public class Environment extends EditableEntity {

    /** The credential a job logs in with when the launch names none (a server's own wins over its environment's). */
    @Column(name = "credential_id")
    private Long credentialId;

    @NotBlank(message = "Name is required")
    @Size(max = 50, message = "Name must be at most 50 characters")
    @Pattern(regexp = "[a-z0-9][a-z0-9_-]*", message = "Use lower-case letters, digits, dash and underscore")
    @Column(nullable = false, length = 50, unique = true)
    private String name;

    @Size(max = 255, message = "Description must be at most 255 characters")
    private String description;

    protected Environment() {}

    public Environment(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    @Override
    public String toString() {
        return name;
    }

    public Long getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(Long credentialId) {
        this.credentialId = credentialId;
    }
}
