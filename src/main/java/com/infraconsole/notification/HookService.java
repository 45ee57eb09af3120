package com.infraconsole.notification;

import com.infraconsole.base.FreshRead;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.audit.AuditAction;
import com.infraconsole.job.JobScheduleService;
import com.infraconsole.job.JobService;
import com.infraconsole.job.LaunchRequest;
import com.infraconsole.security.AdminOnly;
import com.infraconsole.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launch hooks, for admins only: a hook is a door into launching jobs that needs no login, so
 * only the role that manages accounts opens one (docs/decisions/072-webhooks-and-notifications.md).
 * A hook's secret is returned once, when it is created or rotated, and stored encrypted.
 */
@Service
@AdminOnly
public class HookService {

    /** What an admin asks for: a schedule, or a playbook on servers with options. */
    public record NewHook(
            String name,
            Long scheduleId,
            Long playbookId,
            List<Long> serverIds,
            String extraVars,
            boolean checkMode,
            int ratePerMinute) {}

    /** A hook just created or re-keyed, with its secret in the clear: show it once, keep it nowhere. */
    public record HookSecret(LaunchHook hook, String secret) {
        @Override
        public String toString() {
            return "HookSecret[" + hook + "]";
        }
    }

    private final LaunchHookRepository hooks;
    private final JobService jobs;
    private final JobScheduleService schedules;
    private final NotificationSecrets box;
    private final FreshRead freshRead;

    HookService(
            LaunchHookRepository hooks,
            JobService jobs,
            JobScheduleService schedules,
            NotificationSecrets box,
            FreshRead freshRead) {
        this.hooks = hooks;
        this.jobs = jobs;
        this.schedules = schedules;
        this.box = box;
        this.freshRead = freshRead;
    }

    @Transactional(readOnly = true)
    public List<LaunchHook> list(Pageable pageable) {
        return hooks.findAllByOrderByNameAsc(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
    }

    @Transactional(readOnly = true)
    public long count() {
        return hooks.count();
    }

    @Transactional(readOnly = true)
    public Optional<LaunchHook> get(long id) {
        return hooks.findById(id);
    }

    @Transactional
    @AuditAction("HOOK_CREATE")
    public HookSecret create(NewHook request) {
        var errors = new LinkedHashMap<String, String>();
        var name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            errors.put("name", "Name is required (at most 120 characters)");
        } else if (hooks.existsByNameIgnoreCase(name)) {
            errors.put("name", "A hook named " + name + " already exists");
        }
        if (request.ratePerMinute() < 1 || request.ratePerMinute() > 600) {
            errors.put("ratePerMinute", "Calls per minute is 1 to 600");
        }
        boolean forSchedule = request.scheduleId() != null;
        if (forSchedule && request.playbookId() != null) {
            errors.put("", "A hook launches either a schedule or a playbook, not both");
        } else if (forSchedule && schedules.get(request.scheduleId()).isEmpty()) {
            errors.put("schedule", "Choose a schedule");
        }
        var vars = request.extraVars() == null || request.extraVars().isBlank()
                ? null
                : request.extraVars().strip();
        if (!forSchedule) {
            // The same checks as a launch by this admin; each call checks again with the owner's rights of then.
            try {
                jobs.validateForSchedule(new LaunchRequest(
                        request.playbookId(), request.serverIds(), vars, request.checkMode(), 0, null, false));
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach(errors::putIfAbsent);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var secret = NotificationSecrets.newSecret();
        var hook = new LaunchHook(
                name,
                request.scheduleId(),
                forSchedule ? null : request.playbookId(),
                forSchedule ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(request.serverIds())),
                forSchedule ? null : vars,
                !forSchedule && request.checkMode(),
                CurrentUser.require().id(),
                request.ratePerMinute(),
                box.encrypt(secret));
        try {
            return new HookSecret(hooks.saveAndFlush(hook), secret);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("uq_launch_hooks_name")) {
                throw InvalidInputException.of("name", "A hook named " + name + " already exists");
            }
            throw e;
        }
    }

    /** A new secret; callers holding the old one are refused from now on. */
    @Transactional
    @AuditAction("HOOK_ROTATE_SECRET")
    public HookSecret rotateSecret(LaunchHook hook) {
        var current = current(hook);
        var secret = NotificationSecrets.newSecret();
        current.replaceSecret(box.encrypt(secret));
        try {
            return new HookSecret(hooks.saveAndFlush(current), secret);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stale(hook);
        }
    }

    @Transactional
    @AuditAction("HOOK_DELETE")
    public void delete(LaunchHook hook) {
        hooks.delete(current(hook));
        hooks.flush();
    }

    private LaunchHook current(LaunchHook hook) {
        var current =
                hooks.findById(hook.getId()).orElseThrow(() -> new StaleDataException(hook.toString(), null, null));
        if (current.getVersion() != hook.getVersion()) {
            throw stale(hook);
        }
        return current;
    }

    private StaleDataException stale(LaunchHook hook) {
        return freshRead.call(() -> {
            var current = hooks.findById(hook.getId());
            return new StaleDataException(
                    hook.toString(),
                    current.map(LaunchHook::getUpdatedBy).orElse(null),
                    current.map(LaunchHook::getUpdatedAt).orElse(null));
        });
    }
}
