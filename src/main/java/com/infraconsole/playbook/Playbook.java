package com.infraconsole.playbook;

import com.infraconsole.base.EditableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "playbooks")
public class Playbook extends EditableEntity {

    /** Far below MEDIUMTEXT's 16 MB: a playbook this long is a mistake, and every save keeps a copy. */
    public static final int MAX_CONTENT = 500_000;

    @NotBlank(message = "Name is required")
    @Size(max = 255, message = "Name must be at most 255 characters")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "Name must be a single line of text")
    @Column(nullable = false, unique = true)
    private String name;

    @Size(max = 10000, message = "Description must be at most 10,000 characters")
    @Column(columnDefinition = "text")
    private String description;

    @NotBlank(message = "Content is required: a YAML list of plays")
    @Size(max = MAX_CONTENT, message = "Content must be at most 500,000 characters")
    @Column(nullable = false, columnDefinition = "mediumtext")
    private String content;

    /** Kept as an id so that the playbook feature needs no user entity. */
    @Column(name = "created_by", updatable = false)
    private Long createdBy;

    public Playbook() {}

    public Playbook(String name, String description, String content) {
        this.name = name;
        this.description = description;
        this.content = content;
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

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    void setCreatedBy(Long createdBy) {
        this.createdBy = createdBy;
    }

    @Override
    public String toString() {
        return name;
    }
}
