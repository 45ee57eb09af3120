package com.infraconsole.audit;

import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditCompletenessTest.Expected;
import com.infraconsole.audit.AuditCompletenessTest.Scenario;
import com.infraconsole.job.JobScheduleService;
import com.infraconsole.job.JobService;
import com.infraconsole.job.LaunchRequest;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.infraconsole.ticket.TicketService;
import java.util.List;
import java.util.Map;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.data.domain.PageRequest;

/**
 * The audit completeness scenarios of the job and schedule services, and of the ticket a failed
 * job opens. Launched jobs must stay
 * pending while their rows are counted (a node claiming one writes its own, later row), so the
 * scenarios pause the "jobs" trigger group: Quartz keeps that pause in the database, for every
 * node of the cluster. {@link #resumeDispatch} undoes it and cancels what is still pending.
 */
final class JobAuditScenarios {

    private static final String JOBS_GROUP = "jobs";
    private static final String YAML = "- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.ping:\n";
    private static final String NEVER = "0 0 3 1 1 ? 2099";

    private final TestUsers testUsers;
    private final JobService jobs;
    private final JobScheduleService schedules;
    private final PlaybookService playbooks;
    private final TicketService tickets;
    private final ServerService servers;
    private final Scheduler scheduler;
    private final AuditLogProbe audit;
    private final java.util.Set<Long> launched = new java.util.HashSet<>();

    JobAuditScenarios(
            TestUsers testUsers,
            JobService jobs,
            JobScheduleService schedules,
            PlaybookService playbooks,
            TicketService tickets,
            ServerService servers,
            Scheduler scheduler,
            AuditLogProbe audit) {
        this.tickets = tickets;
        this.testUsers = testUsers;
        this.jobs = jobs;
        this.schedules = schedules;
        this.playbooks = playbooks;
        this.servers = servers;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    Map<String, Scenario> all() {
        return Map.of(
                "JobService.launch",
                        new Scenario(
                                () -> {
                                    var request = request();
                                    long since = audit.lastSeq();
                                    long id = remember(jobs.launch(request));
                                    return new Expected("Job", id, "JOB_LAUNCH", since);
                                },
                                () -> {
                                    var request = request();
                                    return () -> jobs.launch(request.withExtraVars("[not, a, mapping]"));
                                }),
                "JobService.launchForSchedule",
                        new Scenario(
                                () -> {
                                    var owner = testUsers.create(Role.OPERATOR);
                                    var request = request();
                                    var schedule = schedules.create("cmp-" + System.nanoTime(), NEVER, "UTC", request);
                                    TestUsers.signOut();
                                    long since = audit.lastSeq();
                                    long id = SystemAuthentication.call(() ->
                                            remember(jobs.launchForSchedule(owner.getId(), request, schedule.getId())));
                                    return new Expected("Job", id, "JOB_LAUNCH", since);
                                },
                                () -> {
                                    var request = request();
                                    // Only the console itself launches for a schedule, never a signed-in user.
                                    return () -> jobs.launchForSchedule(1L, request, 1L);
                                }),
                "JobService.cancel",
                        new Scenario(
                                () -> {
                                    long id = remember(jobs.launch(request()));
                                    long since = audit.lastSeq();
                                    jobs.cancel(id);
                                    return new Expected("Job", id, "JOB_CANCEL", since);
                                },
                                () -> {
                                    long id = remember(jobs.launch(request()));
                                    jobs.cancel(id);
                                    return () -> jobs.cancel(id); // already ended
                                }),
                "TicketService.openForFailedJob",
                        new Scenario(
                                () -> {
                                    var request = request();
                                    var launcher = testUsers.create(Role.OPERATOR);
                                    long jobId = remember(jobs.launch(request));
                                    TestUsers.signOut();
                                    long since = audit.lastSeq();
                                    var ticket = SystemAuthentication.call(() -> tickets.openForFailedJob(
                                                    jobId,
                                                    "Job #" + jobId + " failed",
                                                    "Job ended failed: exit code 2",
                                                    request.serverIds().getFirst(),
                                                    launcher.getId()))
                                            .orElseThrow();
                                    return new Expected("Ticket", ticket.getId(), "CREATE", since);
                                },
                                () -> {
                                    var request = request();
                                    long jobId = remember(jobs.launch(request));
                                    // Only the console opens these tickets, never a signed-in user.
                                    return () -> tickets.openForFailedJob(jobId, "Job failed", null, null, null);
                                }),
                "JobScheduleService.create",
                        new Scenario(
                                () -> {
                                    var request = request();
                                    long since = audit.lastSeq();
                                    var schedule = schedules.create("cmp-" + System.nanoTime(), NEVER, "UTC", request);
                                    return new Expected("JobSchedule", schedule.getId(), "JOB_SCHEDULE_CREATE", since);
                                },
                                () -> {
                                    var request = request();
                                    return () ->
                                            schedules.create("cmp-" + System.nanoTime(), "every night", "UTC", request);
                                }),
                "JobScheduleService.disable",
                        new Scenario(
                                () -> {
                                    var schedule =
                                            schedules.create("cmp-" + System.nanoTime(), NEVER, "UTC", request());
                                    long since = audit.lastSeq();
                                    schedules.disable(schedule.getId());
                                    return new Expected("JobSchedule", schedule.getId(), "JOB_SCHEDULE_DISABLE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    return () -> schedules.disable(Long.MAX_VALUE);
                                }),
                "JobScheduleService.enable",
                        new Scenario(
                                () -> {
                                    var schedule =
                                            schedules.create("cmp-" + System.nanoTime(), NEVER, "UTC", request());
                                    schedules.disable(schedule.getId());
                                    long since = audit.lastSeq();
                                    schedules.enable(schedule.getId());
                                    return new Expected("JobSchedule", schedule.getId(), "JOB_SCHEDULE_ENABLE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.AUDITOR);
                                    var schedule = SystemAuthentication.call(() ->
                                            schedules.list(PageRequest.of(0, 1)).getFirst());
                                    return () -> schedules.enable(schedule.getId()); // auditors only read
                                }));
    }

    /** Signs in an operator, pauses dispatch and returns a valid request on a fresh playbook and server. */
    private LaunchRequest request() {
        pauseDispatch();
        testUsers.signIn(Role.OPERATOR);
        var playbook = playbooks.save(new Playbook("cmp-job-" + System.nanoTime(), null, YAML));
        var server = new Server();
        server.setHostname("cmp-job-" + System.nanoTime());
        server.setIpAddress("127.0.0.1");
        server.setSshUser("root");
        server.setEnvironment(servers.environments().getFirst());
        long serverId = servers.save(server).getId();
        return LaunchRequest.of(playbook.getId(), List.of(serverId));
    }

    private long remember(long jobId) {
        launched.add(jobId);
        return jobId;
    }

    private void pauseDispatch() {
        try {
            scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(JOBS_GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the cluster dispatch again, after cancelling the jobs the scenarios left pending. */
    void resumeDispatch() throws SchedulerException {
        try {
            SystemAuthentication.run(() -> launched.forEach(id -> {
                try {
                    jobs.cancel(id);
                } catch (RuntimeException alreadyEnded) {
                    // cancelled by its scenario
                }
            }));
        } finally {
            launched.clear();
            scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(JOBS_GROUP));
        }
    }
}
