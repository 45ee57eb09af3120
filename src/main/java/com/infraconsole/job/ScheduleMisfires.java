package com.infraconsole.job;

import com.infraconsole.base.UtcTime;
import com.infraconsole.security.SystemAuthentication;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerListener;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a dropped occurrence a recorded skip. Schedule triggers misfire when no worker of any
 * node took them within Quartz's misfire threshold (every job slot busy with long runs); they
 * are then not fired late (do-nothing policy: a nightly run should not start at noon) and used
 * to vanish without a trace. Quartz calls this from its misfire handling, once per misfire.
 */
@Component
class ScheduleMisfires implements TriggerListener {

    private static final Logger log = LoggerFactory.getLogger(ScheduleMisfires.class);
    private final ScheduleSkips skips;

    ScheduleMisfires(Scheduler scheduler, ScheduleSkips skips) throws SchedulerException {
        this.skips = skips;
        scheduler
                .getListenerManager()
                .addTriggerListener(this, GroupMatcher.triggerGroupEquals(JobScheduleService.GROUP));
    }

    @Override
    public String getName() {
        return "schedule-misfires";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        var name = trigger.getKey().getName();
        if (!name.startsWith("schedule-") || trigger.getNextFireTime() == null) {
            return;
        }
        try {
            long scheduleId = Long.parseLong(name.substring("schedule-".length()));
            var missed = UtcTime.format(trigger.getNextFireTime().toInstant());
            SystemAuthentication.run(() -> skips.record(
                    scheduleId,
                    "Not started: no job slot on any node was free" + " within the misfire threshold after " + missed));
        } catch (RuntimeException e) {
            // Quartz's misfire handling must go on; the occurrence is lost either way.
            log.warn("Could not record the missed occurrence of {}: {}", name, e.toString());
        }
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
        // nothing: only misfires matter here
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerComplete(
            Trigger trigger, JobExecutionContext context, Trigger.CompletedExecutionInstruction instruction) {
        // nothing
    }
}
