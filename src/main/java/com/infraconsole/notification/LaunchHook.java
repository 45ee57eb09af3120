package com.infraconsole.notification;

import com.infraconsole.base.EditableEntity;
import com.infraconsole.base.audit.AuditMasked;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A launch URL: either a schedule's job, launched as the schedule's owner, or a preset (a playbook
 * on fixed targets with fixed options), launched as the hook's owner. Nothing in a call's body
 * changes what runs: the body is only signed.
 */
@Entity
@Table(name = "launch_hooks")
public class LaunchHook extends EditableEntity {

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "schedule_id")
    private Long scheduleId;

    @Column(name = "playbook_id")
    private Long playbookId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "launch_hook_targets", joinColumns = @JoinColumn(name = "hook_id"))
    @OrderColumn(name = "position")
    @Column(name = "server_id", nullable = false)
    private List<Long> targets = new ArrayList<>();

    @AuditMasked(AuditMasked.Scope.SECRETS_IN_YAML)
    @Column(name = "extra_vars", columnDefinition = "text")
    private String extraVars;

    @Column(name = "check_mode", nullable = false)
    private boolean checkMode;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private Long ownerId;

    @AuditMasked
    @Column(name = "secret_ciphertext", nullable = false)
    private String secretCiphertext;

    @Column(name = "rate_per_minute", nullable = false)
    private int ratePerMinute = 10;

    @Column(nullable = false)
    private boolean enabled = true;

    protected LaunchHook() {}

    LaunchHook(
            String name,
            Long scheduleId,
            Long playbookId,
            List<Long> targets,
            String extraVars,
            boolean checkMode,
            long ownerId,
            int ratePerMinute,
            String secretCiphertext) {
        this.name = name;
        this.scheduleId = scheduleId;
        this.playbookId = playbookId;
        this.targets = new ArrayList<>(targets);
        this.extraVars = extraVars;
        this.checkMode = checkMode;
        this.ownerId = ownerId;
        this.ratePerMinute = ratePerMinute;
        this.secretCiphertext = secretCiphertext;
    }

    public String getName() {
        return name;
    }

    public Long getScheduleId() {
        return scheduleId;
    }

    public Long getPlaybookId() {
        return playbookId;
    }

    public List<Long> getTargets() {
        return List.copyOf(targets);
    }

    public String getExtraVars() {
        return extraVars;
    }

    public boolean isCheckMode() {
        return checkMode;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public int getRatePerMinute() {
        return ratePerMinute;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The URL path a caller posts to. */
    public String path() {
        return "/api/v1/hooks/" + getId();
    }

    String secretCiphertext() {
        return secretCiphertext;
    }

    void replaceSecret(String ciphertext) {
        this.secretCiphertext = ciphertext;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public String toString() {
        return "Hook " + name;
    }
}
