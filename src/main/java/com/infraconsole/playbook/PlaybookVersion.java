package com.infraconsole.playbook;

import com.infraconsole.base.AbstractEntity;
import com.infraconsole.base.audit.AuditIgnored;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A copy of a playbook as one save left it. Not audited row by row: the playbook's own
 * CREATE/UPDATE audit row is the record of the save; this is the readable history.
 */
@AuditIgnored
@Entity
@Table(name = "playbook_versions")
public class PlaybookVersion extends AbstractEntity {

    @Column(name = "playbook_id", nullable = false, updatable = false)
    private Long playbookId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(columnDefinition = "text", updatable = false)
    private String description;

    @Column(nullable = false, columnDefinition = "mediumtext", updatable = false)
    private String content;

    @Column(name = "saved_by", nullable = false, length = 80, updatable = false)
    private String savedBy;

    @Column(name = "saved_at", nullable = false, updatable = false)
    private Instant savedAt;

    protected PlaybookVersion() {}

    PlaybookVersion(Playbook playbook, int versionNo, String savedBy, Instant savedAt) {
        this.playbookId = playbook.getId();
        this.versionNo = versionNo;
        this.name = playbook.getName();
        this.description = playbook.getDescription();
        this.content = playbook.getContent();
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    public Long getPlaybookId() {
        return playbookId;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getContent() {
        return content;
    }

    public String getSavedBy() {
        return savedBy;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
