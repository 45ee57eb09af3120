package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditLogProbe;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import com.infraconsole.user.UserAdminService;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class JobScheduleIntegrationTest {

    private static final String NEVER = "0 0 3 1 1 ? 2099";

    @Autowired
    JobScheduleService schedules;

    @Autowired
    JobFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scheduler scheduler;

    @Autowired
    UserAdminService userAdmin;

    @Autowired
    AuditLogProbe audit;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void an_enabled_schedule_launches_jobs_as_its_owner_and_a_disabled_one_does_not() {
        var owner = users.signIn(Role.OPERATOR);
        var request = LaunchRequest.of(fx.tasks("- debug:\n    msg: scheduled"), List.of(fx.localServer()));
        var schedule = schedules.create("nightly-" + System.nanoTime(), "0/2 * * * * ?", "UTC", request);
        assertThat(schedules.nextRun(schedule.getId())).isPresent();

        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (jobsOf(schedule.getId()) == 0 && System.nanoTime() < until) {
            JobFixtures.sleep(200);
        }
        assertThat(jobsOf(schedule.getId())).isPositive();
        assertThat(jdbc.sql("SELECT DISTINCT user_id FROM jobs WHERE schedule_id = ?")
                        .param(schedule.getId())
                        .query(Long.class)
                        .list())
                .containsExactly(owner.getId());

        schedules.disable(schedule.getId());
        assertThat(schedules.nextRun(schedule.getId())).isEmpty();
        JobFixtures.sleep(500);
        long launched = jobsOf(schedule.getId());
        JobFixtures.sleep(3000);
        assertThat(jobsOf(schedule.getId())).isEqualTo(launched);

        schedules.enable(schedule.getId());
        assertThat(schedules.nextRun(schedule.getId())).isPresent();
        schedules.disable(schedule.getId());
    }

    @Test
    void a_bad_cron_expression_is_refused_at_its_field_and_auditors_cannot_schedule() {
        users.signIn(Role.OPERATOR);
        var request = LaunchRequest.of(fx.tasks("- debug:\n    msg: x"), List.of(fx.localServer()));
        assertThatThrownBy(() -> schedules.create("bad-" + System.nanoTime(), "every night", "UTC", request))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("cron"));
        users.signIn(Role.AUDITOR);
        assertThatThrownBy(() -> schedules.create("x-" + System.nanoTime(), "0 0 3 * * ?", "UTC", request))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_schedule_fired_after_its_owner_lost_the_right_launches_nothing_and_records_the_skip() throws Exception {
        var deactivated = users.signIn(Role.OPERATOR);
        var request = LaunchRequest.of(fx.tasks("- debug:\n    msg: x"), List.of(fx.localServer()));
        var one = schedules.create("skip-inactive-" + System.nanoTime(), NEVER, "UTC", request);
        var demoted = users.signIn(Role.OPERATOR);
        var two = schedules.create("skip-auditor-" + System.nanoTime(), NEVER, "UTC", request);
        var exAdmin = users.signIn(Role.ADMIN);
        var three = schedules.create(
                "skip-vars-" + System.nanoTime(), NEVER, "UTC", request.withExtraVars("ansible_connection: local"));
        users.signIn(Role.ADMIN);
        userAdmin.deactivate(deactivated);
        userAdmin.changeRole(demoted, Role.AUDITOR);
        userAdmin.changeRole(exAdmin, Role.OPERATOR);
        long since = audit.lastSeq();

        for (var s : List.of(one, two, three)) {
            scheduler.triggerJob(JobKey.jobKey("schedule-" + s.getId(), "schedules"));
        }
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (List.of(one, two, three).stream().anyMatch(s -> skips(s.getId()) == 0) && System.nanoTime() < until) {
            JobFixtures.sleep(200);
        }

        var reasons = List.of(
                deactivated.getUsername() + " is deactivated",
                demoted.getUsername() + " is now Auditor",
                "Only admins may set ansible_connection");
        var all = List.of(one, two, three);
        for (int i = 0; i < 3; i++) {
            long id = all.get(i).getId();
            var reason = reasons.get(i);
            assertThat(jobsOf(id)).isZero();
            assertThat(skips(id)).isEqualTo(1);
            assertThat(jdbc.sql("SELECT last_skip_reason FROM job_schedules WHERE id = ?")
                            .param(id)
                            .query(String.class)
                            .single())
                    .contains(reason);
            assertThat(audit.since(since, "JobSchedule", id)).singleElement().satisfies(row -> {
                assertThat(row.action()).isEqualTo("JOB_SCHEDULE_SKIP");
                assertThat(row.username()).isEqualTo("system");
                assertThat(row.changes()).contains(reason);
            });
        }
    }

    @Test
    void an_occurrence_no_worker_took_in_time_is_recorded_as_skipped() throws Exception {
        users.signIn(Role.OPERATOR);
        var request = LaunchRequest.of(fx.tasks("- debug:\n    msg: x"), List.of(fx.localServer()));
        var threeMinutesAgo =
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(3);
        var daily = "0 " + threeMinutesAgo.getMinute() + " " + threeMinutesAgo.getHour() + " * * ?";
        var schedule = schedules.create("misfire-" + System.nanoTime(), daily, "UTC", request);
        // As if every worker had been busy: the trigger's next occurrence lies minutes in the past,
        // beyond the misfire threshold, where Quartz's misfire handling (not a worker) finds it.
        var key = TriggerKey.triggerKey("schedule-" + schedule.getId(), "schedules");
        var late = scheduler
                .getTrigger(key)
                .getTriggerBuilder()
                .startAt(Date.from(Instant.now().minus(Duration.ofMinutes(5))))
                .build();
        long since = audit.lastSeq();
        scheduler.rescheduleJob(key, late);

        long until = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (skips(schedule.getId()) == 0 && System.nanoTime() < until) {
            JobFixtures.sleep(500);
        }
        schedules.disable(schedule.getId());
        assertThat(skips(schedule.getId())).isEqualTo(1);
        assertThat(jobsOf(schedule.getId())).isZero();
        assertThat(jdbc.sql("SELECT last_skip_reason FROM job_schedules WHERE id = ?")
                        .param(schedule.getId())
                        .query(String.class)
                        .single())
                .startsWith("Not started: no job slot on any node was free");
        assertThat(audit.since(since, "JobSchedule", schedule.getId()))
                .first()
                .satisfies(row -> assertThat(row.action()).isEqualTo("JOB_SCHEDULE_SKIP"));
    }

    private long skips(long scheduleId) {
        return jdbc.sql("SELECT skip_count FROM job_schedules WHERE id = ?")
                .param(scheduleId)
                .query(Long.class)
                .single();
    }

    private long jobsOf(long scheduleId) {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE schedule_id = ?")
                .param(scheduleId)
                .query(Long.class)
                .single();
    }
}
