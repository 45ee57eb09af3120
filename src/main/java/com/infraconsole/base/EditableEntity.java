package com.infraconsole.base;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An entity that people edit through a form: it remembers when it was created and when and by
 * whom it was last saved, which is what a user needs to hear when someone else saved first.
 */
@MappedSuperclass
public abstract class EditableEntity extends AbstractEntity {

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = 80)
    private String updatedBy;

    @PrePersist
    @PreUpdate
    void rememberEditor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        updatedBy = auth != null && auth.isAuthenticated() ? auth.getName() : "system";
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
