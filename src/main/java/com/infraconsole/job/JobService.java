package com.infraconsole.job;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.TooManyDownloadsException;
import com.infraconsole.base.audit.AuditAction;
import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.credential.CredentialKind;
import com.infraconsole.credential.CredentialService;
import com.infraconsole.playbook.PlaybookSource;
import com.infraconsole.security.AdminOnly;
import com.infraconsole.security.AdminOrOperator;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.server.ServerService;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Launching, cancelling and reading jobs. Everyone signed in reads; admins and operators act. */
@Service
@PreAuthorize("isAuthenticated()")
public class JobService {

    public static final int MAX_TARGETS = 500;
    private final JobRepository jobs;
    private final JobQueries queries;
    private final JobDispatcher dispatcher;
    private final JobRunner runner;
    private final JobLogStore logs;
    private final PlaybookSource playbooks;
    private final ServerService servers;
    private final JobSandbox sandbox;
    private final ScheduleOwners owners;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CredentialService credentials;

    JobService(
            JobRepository jobs,
            JobQueries queries,
            JobDispatcher dispatcher,
            JobRunner runner,
            JobLogStore logs,
            PlaybookSource playbooks,
            ServerService servers,
            JobSandbox sandbox,
            ScheduleOwners owners,
            ApplicationEventPublisher events,
            Clock clock,
            CredentialService credentials) {
        this.jobs = jobs;
        this.queries = queries;
        this.dispatcher = dispatcher;
        this.runner = runner;
        this.logs = logs;
        this.playbooks = playbooks;
        this.servers = servers;
        this.sandbox = sandbox;
        this.owners = owners;
        this.events = events;
        this.clock = clock;
        this.credentials = credentials;
    }

    /** The credentials a launch may choose from: names and kinds, never secrets. */
    @AdminOrOperator
    public List<com.infraconsole.credential.CredentialSummary> credentialChoices() {
        return credentials.choices();
    }

    /** Whether jobs run isolated; the dashboard and the Database screen warn when they do not. */
    public SandboxStatus sandboxStatus() {
        return sandbox.status();
    }

    /** Validates the request, stores the job as pending and queues it; returns the new job's id. */
    @Transactional
    @AdminOrOperator
    @AuditAction("JOB_LAUNCH")
    public long launch(LaunchRequest request) {
        var user = CurrentUser.require();
        if (SystemAuthentication.isSystem(user)) {
            throw InvalidInputException.of("", "A job needs a real user to run as");
        }
        return launchAs(user.id(), user.role(), request, null);
    }

    /**
     * A schedule firing: launches as the schedule's owner (the caller is the console itself), with
     * the owner's rights of now: an owner deactivated or no longer admin or operator launches
     * nothing, and the extra vars are checked against the owner's current role.
     */
    @Transactional
    @AdminOnly
    @AuditAction("JOB_LAUNCH")
    public long launchForSchedule(long ownerId, LaunchRequest request, long scheduleId) {
        if (!SystemAuthentication.isSystem(CurrentUser.require())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Only the console launches for schedules");
        }
        var owner = owners.find(ownerId)
                .orElseThrow(() -> InvalidInputException.of("", "Owner (user " + ownerId + ") no longer exists"));
        owner.refusal().ifPresent(reason -> {
            throw InvalidInputException.of("", reason);
        });
        return launchAs(ownerId, owner.role(), request, scheduleId);
    }

    /** Refuses a request a schedule would not be able to launch for the signed-in user. */
    @AdminOrOperator
    public void validateForSchedule(LaunchRequest request) {
        validate(request, CurrentUser.require().role());
    }

    private long launchAs(long userId, Role role, LaunchRequest request, Long scheduleId) {
        var targets = validate(request, role);
        var job = new Job(UUID.randomUUID().toString(), request.playbookId(), targets, userId, clock.instant());
        var vars = request.extraVars() == null || request.extraVars().isBlank()
                ? null
                : request.extraVars().strip();
        job.setOptions(
                vars,
                request.checkMode(),
                request.verbosity(),
                request.timeoutSeconds(),
                request.openTicketOnFailure(),
                scheduleId);
        job.useCredentials(request.credentialIds());
        job.pinPlaybookVersion(playbooks.currentVersion(request.playbookId()).orElse(null));
        job = jobs.saveAndFlush(job);
        dispatcher.enqueue(job.getId());
        return job.getId();
    }

    private List<Long> validate(LaunchRequest r, Role role) {
        var errors = new LinkedHashMap<String, String>();
        var isolation = sandbox.status();
        if (!isolation.available()) {
            errors.put("", isolation.problem());
        }
        if (r.playbookId() == null || playbooks.find(r.playbookId()).isEmpty()) {
            errors.put("playbook", "Choose a playbook");
        }
        var targets = new ArrayList<>(new LinkedHashSet<>(r.serverIds() == null ? List.<Long>of() : r.serverIds()));
        if (targets.isEmpty()) {
            errors.put("targets", "Choose at least one server");
        } else if (targets.size() > MAX_TARGETS) {
            errors.put("targets", "At most " + MAX_TARGETS + " servers per job");
        } else {
            var missing = targets.stream()
                    .filter(id -> id == null || servers.get(id).isEmpty())
                    .count();
            if (missing > 0) {
                errors.put("targets", missing + " of the chosen servers no longer exist");
            }
        }
        ExtraVars.check(r.extraVars(), role).ifPresent(msg -> errors.put("extraVars", msg));
        credentialProblem(r.credentialIds()).ifPresent(msg -> errors.put("credentials", msg));
        if (r.verbosity() < 0 || r.verbosity() > 4) {
            errors.put("verbosity", "Verbosity is 0 to 4");
        }
        if (r.timeoutSeconds() != null && (r.timeoutSeconds() < 1 || r.timeoutSeconds() > 7 * 24 * 3600)) {
            errors.put("timeout", "Timeout is 1 second to 7 days");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return targets;
    }

    /** Each chosen credential exists, and no two log in, become or open vaults: a run uses one of each. */
    private Optional<String> credentialProblem(List<Long> ids) {
        var logins = 0;
        var kinds = new java.util.EnumMap<CredentialKind, Integer>(CredentialKind.class);
        for (var id : ids) {
            var c = id == null ? Optional.<com.infraconsole.credential.CredentialSummary>empty() : credentials.get(id);
            if (c.isEmpty()) {
                return Optional.of("A chosen credential no longer exists");
            }
            kinds.merge(c.get().kind(), 1, Integer::sum);
            logins += c.get().kind().connects() ? 1 : 0;
        }
        if (logins > 1 || kinds.values().stream().anyMatch(n -> n > 1)) {
            return Optional.of("Choose at most one login (SSH key or password), one become and one vault password");
        }
        return Optional.empty();
    }

    /** Cancels a pending job at once, or asks the node running it to kill its process tree. */
    @Transactional
    @AdminOrOperator
    @AuditAction("JOB_CANCEL")
    public void cancel(long jobId) {
        var job = jobs.lockById(jobId)
                .orElseThrow(() -> InvalidInputException.of("", "Job " + jobId + " does not exist"));
        if (job.getStatus().isFinished()) {
            throw InvalidInputException.of(
                    "", "Job " + jobId + " already ended: " + job.getStatus().label());
        }
        job.requestCancel();
        if (job.getStatus() == JobStatus.PENDING) {
            job.finish(JobStatus.CANCELLED, null, "Cancelled before it started", null, clock.instant());
            dispatcher.remove(jobId);
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.cancelLocal(jobId);
                }
            });
        }
    }

    @Transactional(readOnly = true)
    public Optional<JobDetails> get(long jobId) {
        return queries.details(jobId);
    }

    @Transactional(readOnly = true)
    public List<JobSummary> list(JobFilter filter, Pageable pageable) {
        return queries.list(filter, pageable);
    }

    @Transactional(readOnly = true)
    public long count(JobFilter filter) {
        return queries.count(filter);
    }

    /** Lines from (1-based) up to count lines. */
    public List<JobLogLine> logLines(long jobId, int from, int count) {
        return logs.range(jobId, from, Math.min(count, 10_000));
    }

    public int logLineCount(long jobId) {
        return logs.lineCount(jobId);
    }

    /**
     * Streams the whole log as UTF-8 text; the download is audited with its true outcome (a refusal
     * for load is a FAILURE that says so).
     *
     * @throws TooManyDownloadsException when the node's download slots are all taken
     */
    public void writeLog(long jobId, OutputStream out) {
        long lines = -1;
        Map<String, Object[]> changes = Map.of();
        try {
            lines = logs.writeTo(jobId, out);
            changes = Map.of("lines", new Object[] {null, lines});
        } catch (TooManyDownloadsException e) {
            changes = Map.of("refused", new Object[] {null, e.getMessage()});
            throw e;
        } finally {
            events.publishEvent(new AuditEvent(
                    "EXPORT", "JobLog", String.valueOf(jobId), changes, lines < 0 ? "FAILURE" : "SUCCESS", null));
        }
    }

    /** A page of playbook names containing the text, for pickers and filters (never all of them). */
    public List<PlaybookSource.PlaybookRef> playbooks(String text, Pageable page) {
        return playbooks.names(text, (int) page.getOffset(), page.getPageSize());
    }

    /** Playbook names by id, for the rows shown. */
    public Map<Long, String> playbookNames(Collection<Long> ids) {
        return playbooks.names(ids);
    }

    /** A page of usernames containing the text, for the jobs list's user filter. */
    public List<UserRef> users(String text, Pageable page) {
        return queries.users(text, (int) page.getOffset(), page.getPageSize());
    }
}
