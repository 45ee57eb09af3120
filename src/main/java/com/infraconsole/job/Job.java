package com.infraconsole.job;

import com.infraconsole.base.AbstractEntity;
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

/**
 * One run of a playbook against one or more servers. The runner changes status and timings;
 * the heartbeat is bookkeeping and written with plain SQL (see {@link JobStateStore}).
 */
@Entity
@Table(name = "jobs")
public class Job extends AbstractEntity {

    @Column(name = "job_id", nullable = false, updatable = false, length = 36)
    private String jobUuid;

    @Column(name = "playbook_id", nullable = false, updatable = false)
    private Long playbookId;

    /** The playbook version (playbook_versions.version_no) the job runs; null for jobs older than V42. */
    @Column(name = "playbook_version", updatable = false)
    private Integer playbookVersion;

    /** The first target, kept for the old platform's queries; all targets are in {@link #targets}. */
    @Column(name = "server_id", nullable = false, updatable = false)
    private Long serverId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "job_targets", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    @Column(name = "server_id", nullable = false)
    private List<Long> targets = new ArrayList<>();

    /** Credentials chosen at launch, overriding the targets' defaults; ids only (see V81). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "job_credentials", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    @Column(name = "credential_id", nullable = false)
    private List<Long> credentialIds = new ArrayList<>();

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Column(nullable = false, length = 20)
    private JobStatus status = JobStatus.PENDING;

    @Embedded
    private RunOptions options = new RunOptions();

    @Column(name = "timeout_seconds")
    private Integer timeoutSeconds;

    @Column(name = "schedule_id")
    private Long scheduleId;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "node_id", length = 190)
    private String nodeId;

    @AuditIgnored
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "exit_code")
    private Integer exitCode;

    @Column(name = "error_message", columnDefinition = "text")
    private String errorMessage;

    /** PLAY RECAP as JSON: host -> {ok, changed, unreachable, failed, skipped, rescued, ignored}. */
    @Column(columnDefinition = "text")
    private String recap;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected Job() {}

    Job(String jobUuid, long playbookId, List<Long> targets, long userId, Instant createdAt) {
        this.jobUuid = jobUuid;
        this.playbookId = playbookId;
        this.targets = new ArrayList<>(targets);
        this.serverId = targets.getFirst();
        this.userId = userId;
        this.createdAt = createdAt;
    }

    public String getJobUuid() {
        return jobUuid;
    }

    public Long getPlaybookId() {
        return playbookId;
    }

    public Integer getPlaybookVersion() {
        return playbookVersion;
    }

    public Long getServerId() {
        return serverId;
    }

    public List<Long> getTargets() {
        return List.copyOf(targets);
    }

    public List<Long> getCredentialIds() {
        return List.copyOf(credentialIds);
    }

    void useCredentials(List<Long> ids) {
        credentialIds = new ArrayList<>(ids);
    }

    public Long getUserId() {
        return userId;
    }

    public JobStatus getStatus() {
        return status;
    }

    public String getExtraVars() {
        return options.extraVars();
    }

    public boolean isCheckMode() {
        return options.checkMode();
    }

    public int getVerbosity() {
        return options.verbosity();
    }

    public Integer getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public boolean isOpenTicketOnFailure() {
        return options.openTicketOnFailure();
    }

    public Long getScheduleId() {
        return scheduleId;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public String getNodeId() {
        return nodeId;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public Integer getExitCode() {
        return exitCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getRecap() {
        return recap;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    void setOptions(
            String extraVars,
            boolean checkMode,
            int verbosity,
            Integer timeoutSeconds,
            boolean openTicketOnFailure,
            Long scheduleId) {
        this.options = new RunOptions(extraVars, checkMode, verbosity, openTicketOnFailure);
        this.timeoutSeconds = timeoutSeconds;
        this.scheduleId = scheduleId;
    }

    void pinPlaybookVersion(Integer versionNo) {
        this.playbookVersion = versionNo;
    }

    void requestCancel() {
        this.cancelRequested = true;
    }

    void start(String nodeId, Instant now) {
        this.status = JobStatus.RUNNING;
        this.nodeId = nodeId;
        this.startedAt = now;
        this.heartbeatAt = now;
    }

    void finish(JobStatus status, Integer exitCode, String errorMessage, String recap, Instant now) {
        this.status = status;
        this.exitCode = exitCode;
        this.errorMessage = errorMessage;
        this.recap = recap;
        this.completedAt = now;
    }
}
