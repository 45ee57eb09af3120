package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class JobScheduleIntegrationTest {

    @Autowired JobScheduleService schedules;
    @Autowired JobFixtures fx;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

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
        assertThat(jdbc.sql("SELECT DISTINCT user_id FROM jobs WHERE schedule_id = ?").param(schedule.getId())
                .query(Long.class).list()).containsExactly(owner.getId());

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
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("cron"));
        users.signIn(Role.AUDITOR);
        assertThatThrownBy(() -> schedules.create("x-" + System.nanoTime(), "0 0 3 * * ?", "UTC", request))
                .isInstanceOf(AccessDeniedException.class);
    }

    private long jobsOf(long scheduleId) {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE schedule_id = ?").param(scheduleId).query(Long.class).single();
    }
}
