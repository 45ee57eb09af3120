package com.infraconsole.notification;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.job.JobScheduleService;
import com.infraconsole.job.JobService;
import com.infraconsole.job.LaunchRequest;
import com.infraconsole.security.AppUserPrincipal;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.user.UserService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * One call of a launch hook, from the raw request to the launched job. The order is the cheapest
 * refusal first: unknown hook, rate limit, signature, delivery id, replay; then the launch, as the
 * owner with the owner's rights of now, through the same JobService.launch as the screen (sandbox,
 * validation, extra-vars policy of the owner's role). Every call leaves one HOOK_CALL audit row,
 * accepted or refused, naming the hook and the reason but never the secret or the signature.
 */
@Component
class HookReceiver {

    /** How a call ended: the HTTP status, a short text for the caller, the job launched. */
    record Answer(int status, String detail, Long jobId, long retryAfterSeconds) {
        static Answer refused(int status, String detail) {
            return new Answer(status, detail, null, 0);
        }
    }

    static final List<String> DELIVERY_HEADERS = List.of("X-GitHub-Delivery", "X-Gitlab-Event-UUID", "Idempotency-Key");
    private static final Logger log = LoggerFactory.getLogger(HookReceiver.class);

    private final HookService hooks;
    private final HookRateLimit rateLimit;
    private final HookCalls calls;
    private final NotificationSecrets box;
    private final JobService jobs;
    private final JobScheduleService schedules;
    private final UserService users;
    private final ApplicationEventPublisher events;

    HookReceiver(
            HookService hooks,
            HookRateLimit rateLimit,
            HookCalls calls,
            NotificationSecrets box,
            JobService jobs,
            JobScheduleService schedules,
            UserService users,
            ApplicationEventPublisher events) {
        this.hooks = hooks;
        this.rateLimit = rateLimit;
        this.calls = calls;
        this.box = box;
        this.jobs = jobs;
        this.schedules = schedules;
        this.users = users;
        this.events = events;
    }

    Answer receive(long hookId, byte[] body, UnaryOperator<String> header) {
        var hook = SystemAuthentication.call(() -> hooks.get(hookId))
                .filter(LaunchHook::isEnabled)
                .orElse(null);
        if (hook == null) {
            return refuse(hookId, null, "DENIED", Answer.refused(404, "No such hook"));
        }
        long wait = rateLimit.take(hookId, hook.getRatePerMinute());
        if (wait > 0) {
            return refuse(
                    hookId,
                    null,
                    "DENIED",
                    new Answer(
                            429,
                            "More than " + hook.getRatePerMinute() + " calls a minute; try again in " + wait + " s",
                            null,
                            wait));
        }
        var badSignature = HookSignature.refusal(box.decrypt(hook.secretCiphertext()), body, header);
        if (badSignature.isPresent()) {
            return refuse(hookId, null, "DENIED", Answer.refused(401, "Signature refused: " + badSignature.get()));
        }
        var delivery = deliveryId(header);
        if (delivery == null || delivery.isBlank() || delivery.length() > 100) {
            return refuse(
                    hookId,
                    null,
                    "DENIED",
                    Answer.refused(
                            400,
                            "A delivery id (" + String.join(", ", DELIVERY_HEADERS)
                                    + ") of at most 100 characters is required"));
        }
        try {
            calls.claim(hookId, delivery);
        } catch (DuplicateKeyException e) {
            return refuse(
                    hookId,
                    delivery,
                    "DENIED",
                    Answer.refused(
                            409,
                            "Delivery " + delivery + " was already accepted within "
                                    + calls.window().toHours() + " h"));
        }
        try {
            long jobId = launch(hook);
            calls.recordJob(hookId, delivery, jobId);
            events.publishEvent(audit(hookId, delivery, "SUCCESS", "202 job " + jobId));
            return new Answer(202, "Job " + jobId + " launched", jobId, 0);
        } catch (InvalidInputException e) {
            calls.release(hookId, delivery); // the sender's redelivery may succeed once the cause is fixed
            log.info("Hook {} refused to launch: {}", hook.getName(), e.getMessage());
            return refuse(hookId, delivery, "FAILURE", Answer.refused(422, "Not launched: " + e.getMessage()));
        } catch (RuntimeException e) {
            calls.release(hookId, delivery);
            refuse(
                    hookId,
                    delivery,
                    "FAILURE",
                    Answer.refused(500, "Not launched: " + e.getClass().getSimpleName()));
            throw e;
        }
    }

    /**
     * Launches as the owner, in JobService.launch's own transaction (no outer one, exactly as a
     * launch from the screen or a schedule firing), so the JOB_LAUNCH row names the owner.
     */
    private long launch(LaunchHook hook) {
        LaunchRequest request;
        long ownerId;
        if (hook.getScheduleId() != null) {
            var schedule = SystemAuthentication.call(() -> schedules.get(hook.getScheduleId()))
                    .orElseThrow(() -> InvalidInputException.of("", "Its schedule no longer exists"));
            request = schedule.launchRequest();
            ownerId = schedule.getOwnerId();
        } else {
            request = new LaunchRequest(
                    hook.getPlaybookId(), hook.getTargets(), hook.getExtraVars(), hook.isCheckMode(), 0, null, false);
            ownerId = hook.getOwnerId();
        }
        var owner = SystemAuthentication.call(() -> users.get(ownerId))
                .orElseThrow(() -> InvalidInputException.of("", "Its owner (user " + ownerId + ") no longer exists"));
        if (!owner.isActive()) {
            throw InvalidInputException.of("", "Its owner " + owner.getUsername() + " is deactivated");
        }
        if (owner.getRole() != Role.ADMIN && owner.getRole() != Role.OPERATOR) {
            throw InvalidInputException.of(
                    "",
                    "Its owner " + owner.getUsername() + " is now "
                            + owner.getRole().label() + "; only admins and operators launch jobs");
        }
        var principal = new AppUserPrincipal(owner.getId(), owner.getUsername(), null, owner.getRole(), true, true);
        return asUser(principal, () -> jobs.launch(request));
    }

    private Answer refuse(long hookId, String delivery, String outcome, Answer answer) {
        events.publishEvent(audit(hookId, delivery, outcome, answer.status() + " " + answer.detail()));
        return answer;
    }

    private static AuditEvent audit(long hookId, String delivery, String outcome, String result) {
        var changes = new LinkedHashMap<String, Object[]>();
        if (delivery != null) {
            changes.put("delivery", new Object[] {null, delivery});
        }
        changes.put("result", new Object[] {null, result.length() > 300 ? result.substring(0, 300) : result});
        return new AuditEvent(
                "HOOK_CALL", "LaunchHook", String.valueOf(hookId), Map.copyOf(changes), outcome, "hook:" + hookId);
    }

    static String deliveryId(UnaryOperator<String> header) {
        for (var name : DELIVERY_HEADERS) {
            var value = header.apply(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static <T> T asUser(AppUserPrincipal principal, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
