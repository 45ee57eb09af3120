package com.infraconsole.job;

import com.infraconsole.base.audit.AuditEvent;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an occurrence of a schedule that launched nothing: on the schedule (count, time, reason,
 * for the schedules screen) and as a JOB_SCHEDULE_SKIP audit row, in one transaction. The counters
 * are bookkeeping written in plain SQL, like a job's heartbeat: they do not bump the schedule's
 * version, so a person enabling or disabling it at that moment is not told someone else saved.
 */
@Component
class ScheduleSkips {

    static final int MAX_REASON = 500;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ScheduleSkips(
            JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    void record(long scheduleId, String reason) {
        var text = reason == null || reason.isBlank() ? "Not launched" : reason.strip();
        var shown = text.length() > MAX_REASON ? text.substring(0, MAX_REASON - 1) + "…" : text;
        transaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("UPDATE job_schedules SET skip_count = skip_count + 1, last_skipped_at = ?,"
                            + " last_skip_reason = ? WHERE id = ?")
                    .params(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), shown, scheduleId)
                    .update();
            if (updated == 0) {
                return; // the schedule is gone
            }
            events.publishEvent(new AuditEvent(
                    "JOB_SCHEDULE_SKIP",
                    "JobSchedule",
                    String.valueOf(scheduleId),
                    Map.of("skipReason", new Object[] {null, shown}),
                    "FAILURE",
                    null));
        });
    }
}
