package com.infraconsole.job;

import com.infraconsole.base.EditableEntity;
import com.infraconsole.base.audit.AuditIgnored;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A playbook on fixed targets, launched by a Quartz cron trigger as its owner. */
@Entity
@Table(name = "job_schedules")
public class JobSchedule extends EditableEntity {

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "playbook_id", nullable = false)
    private Long playbookId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "job_schedule_targets", joinColumns = @JoinColumn(name = "schedule_id"))
    @OrderColumn(name = "position")
    @Column(name = "server_id", nullable = false)
    private List<Long> targets = new ArrayList<>();

    @Column(nullable = false, length = 120)
    private String cron;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone = "UTC";

    @Embedded
    private RunOptions options = new RunOptions();

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private Long ownerId;

    /** Occurrences that launched nothing; written by {@link ScheduleSkips}, never through the entity. */
    @AuditIgnored
    @Column(name = "skip_count", insertable = false, updatable = false)
    private int skipCount;

    @AuditIgnored
    @Column(name = "last_skipped_at", insertable = false, updatable = false)
    private Instant lastSkippedAt;

    @AuditIgnored
    @Column(name = "last_skip_reason", length = 500, insertable = false, updatable = false)
    private String lastSkipReason;

    protected JobSchedule() {}

    JobSchedule(String name, String cron, String timeZone, long ownerId, LaunchRequest request) {
        this.name = name;
        this.cron = cron;
        this.timeZone = timeZone;
        this.ownerId = ownerId;
        this.playbookId = request.playbookId();
        this.targets = new ArrayList<>(request.serverIds());
        this.options = new RunOptions(
                request.extraVars(), request.checkMode(), request.verbosity(), request.openTicketOnFailure());
    }

    /** What a firing launches; also what a launch hook for this schedule launches. */
    public LaunchRequest launchRequest() {
        return new LaunchRequest(
                playbookId,
                List.copyOf(targets),
                options.extraVars(),
                options.checkMode(),
                options.verbosity(),
                null,
                options.openTicketOnFailure());
    }

    public String getName() {
        return name;
    }

    public Long getPlaybookId() {
        return playbookId;
    }

    public List<Long> getTargets() {
        return List.copyOf(targets);
    }

    public String getCron() {
        return cron;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public int getSkipCount() {
        return skipCount;
    }

    public Instant getLastSkippedAt() {
        return lastSkippedAt;
    }

    public String getLastSkipReason() {
        return lastSkipReason;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
