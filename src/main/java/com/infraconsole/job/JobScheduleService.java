package com.infraconsole.job;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.audit.AuditAction;
import com.infraconsole.security.AdminOrOperator;
import com.infraconsole.security.CurrentUser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cron schedules. Each is a Quartz cron trigger in the clustered store, so exactly one node
 * fires it; firing launches an ordinary job as the schedule's owner. Cron syntax is Quartz's:
 * seconds first, e.g. "0 30 2 * * ?" for 02:30 every day.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class JobScheduleService {

    private static final Logger log = LoggerFactory.getLogger(JobScheduleService.class);
    static final String GROUP = "schedules";
    private final JobScheduleRepository schedules;
    private final JobService jobs;
    private final Scheduler scheduler;
    private final ScheduleSkips skips;

    JobScheduleService(JobScheduleRepository schedules, JobService jobs, Scheduler scheduler, ScheduleSkips skips) {
        this.schedules = schedules;
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.skips = skips;
    }

    /** A page of schedules by name, for the schedules screen's lazy grid. */
    @Transactional(readOnly = true)
    public List<JobSchedule> list(Pageable pageable) {
        return schedules.findAllByOrderByNameAsc(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
    }

    @Transactional(readOnly = true)
    public long count() {
        return schedules.count();
    }

    @Transactional(readOnly = true)
    public Optional<JobSchedule> get(long scheduleId) {
        return schedules.findById(scheduleId);
    }

    /** When the schedule fires next (empty when disabled). */
    public Optional<Instant> nextRun(long scheduleId) {
        try {
            var trigger = scheduler.getTrigger(TriggerKey.triggerKey("schedule-" + scheduleId, GROUP));
            if (trigger == null
                    || scheduler.getTriggerState(trigger.getKey()) == org.quartz.Trigger.TriggerState.PAUSED) {
                return Optional.empty();
            }
            return Optional.ofNullable(trigger.getNextFireTime()).map(java.util.Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    @Transactional
    @AdminOrOperator
    @AuditAction("JOB_SCHEDULE_CREATE")
    public JobSchedule create(String name, String cron, String timeZone, LaunchRequest request) {
        var errors = new LinkedHashMap<String, String>();
        var trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            errors.put("name", "Name is required (at most 120 characters)");
        } else if (schedules.existsByNameIgnoreCase(trimmed)) {
            errors.put("name", "A schedule named " + trimmed + " already exists");
        }
        if (cron == null || !CronExpression.isValidExpression(cron.strip())) {
            errors.put("cron", "Not a valid cron expression; seconds come first, e.g. 0 30 2 * * ?");
        } else if (cron.strip().length() > 120) {
            // Valid but longer than job_schedules.cron holds, e.g. long value lists or padding.
            errors.put("cron", "A cron expression must be at most 120 characters");
        }
        var zone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.put("timeZone", "Unknown time zone " + zone);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jobs.validateForSchedule(request);
        var schedule = schedules.saveAndFlush(new JobSchedule(
                trimmed, cron.strip(), zone, CurrentUser.require().id(), request));
        var detail = JobBuilder.newJob(ScheduledLaunchQuartzJob.class)
                .withIdentity(jobKey(schedule.getId()))
                .usingJobData(ScheduledLaunchQuartzJob.SCHEDULE_ID, schedule.getId())
                .storeDurably()
                .build();
        var trigger = TriggerBuilder.newTrigger()
                .withIdentity("schedule-" + schedule.getId(), GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.getCron())
                        .inTimeZone(TimeZone.getTimeZone(ZoneId.of(zone)))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
        try {
            scheduler.scheduleJob(detail, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not register schedule: " + e.getMessage(), e);
        }
        return schedule;
    }

    @Transactional
    @AdminOrOperator
    @AuditAction("JOB_SCHEDULE_ENABLE")
    public void enable(long scheduleId) {
        setEnabled(scheduleId, true);
    }

    @Transactional
    @AdminOrOperator
    @AuditAction("JOB_SCHEDULE_DISABLE")
    public void disable(long scheduleId) {
        setEnabled(scheduleId, false);
    }

    private void setEnabled(long scheduleId, boolean enabled) {
        var schedule = schedules
                .findById(scheduleId)
                .orElseThrow(() -> InvalidInputException.of("", "Schedule " + scheduleId + " does not exist"));
        schedule.setEnabled(enabled);
        try {
            var key = TriggerKey.triggerKey("schedule-" + scheduleId, GROUP);
            if (enabled) {
                scheduler.resumeTrigger(key);
            } else {
                scheduler.pauseTrigger(key);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not change schedule: " + e.getMessage(), e);
        }
    }

    /**
     * Called by Quartz as the console itself: launches the job as the schedule's owner. No outer
     * transaction: the launch runs in its own, exactly as a launch from the screen does. When the
     * launch is refused (the owner was deactivated or demoted, the playbook or a server is gone,
     * the extra vars are no longer allowed to the owner) the occurrence is recorded as skipped,
     * on the schedule and in the audit log, in a transaction of its own.
     */
    public Optional<Long> fire(long scheduleId) {
        var schedule =
                schedules.findById(scheduleId).filter(JobSchedule::isEnabled).orElse(null);
        if (schedule == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(jobs.launchForSchedule(schedule.getOwnerId(), schedule.launchRequest(), scheduleId));
        } catch (InvalidInputException e) {
            log.warn("Schedule {} skipped: {}", schedule.getName(), e.getMessage());
            skips.record(scheduleId, e.getMessage());
            return Optional.empty();
        }
    }

    private static JobKey jobKey(long scheduleId) {
        return JobKey.jobKey("schedule-" + scheduleId, GROUP);
    }
}
