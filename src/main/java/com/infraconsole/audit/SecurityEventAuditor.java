package com.infraconsole.audit;

import com.infraconsole.security.LoginFailureEvents;
import com.infraconsole.user.AccountLockedEvent;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;

/**
 * Turns Spring Security's and the user feature's events into audit rows. A failed login records
 * the name that was tried and why it failed, never the password.
 */
@Component
class SecurityEventAuditor {

    private final AuditRecorder recorder;
    private final ApplicationEventPublisher events;

    SecurityEventAuditor(AuditRecorder recorder, ApplicationEventPublisher events) {
        this.recorder = recorder;
        this.events = events;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        var actor = Actor.of(event.getAuthentication());
        recorder.record(actor, "LOGIN_SUCCESS", "User", idOf(actor), Map.of(), "SUCCESS");
    }

    /** A failed login that the login throttle let through to the log (LoginSources caps them per source). */
    @EventListener
    void on(LoginFailureEvents.Recorded event) {
        recorder.record(
                Actor.named(event.username()),
                "LOGIN_FAILURE",
                "User",
                null,
                Map.of("reason", new Object[] {null, event.reason()}),
                "FAILURE");
    }

    /** The failed logins of one source and window beyond the cap: one row says how many. */
    @EventListener
    void on(LoginFailureEvents.Suppressed event) {
        var actor = new Actor(null, "(anonymous)", event.source(), null);
        recorder.record(
                actor,
                "LOGIN_FAILURES_SUPPRESSED",
                "User",
                null,
                Map.of(
                        "suppressed", new Object[] {null, event.count()},
                        "from", new Object[] {null, event.from()},
                        "to", new Object[] {null, event.to()}),
                "FAILURE");
    }

    @EventListener
    void on(AccountLockedEvent event) {
        recorder.record(
                Actor.named(event.username()),
                "ACCOUNT_LOCKED",
                "User",
                String.valueOf(event.userId()),
                Map.of("lockedUntil", new Object[] {null, event.lockedUntil()}),
                "SUCCESS");
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        var actor = Actor.of(event.getAuthentication());
        recorder.record(actor, "LOGOUT", "User", idOf(actor), Map.of(), "SUCCESS");
    }

    /** Signed-in users refused something; anonymous visitors sent to the login page are routine. */
    @EventListener
    void on(AuthorizationDeniedEvent<?> event) {
        var auth = event.getAuthentication().get();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return;
        }
        recorder.recordOutsideTransaction(
                Actor.of(auth),
                "ACCESS_DENIED",
                null,
                null,
                Map.of("target", new Object[] {null, describe(event.getObject())}),
                "DENIED");
    }

    private static String idOf(Actor actor) {
        return actor.userId() == null ? null : actor.userId().toString();
    }

    private static String describe(Object target) {
        if (target instanceof org.aopalliance.intercept.MethodInvocation mi) {
            return mi.getMethod().getDeclaringClass().getSimpleName() + "."
                    + mi.getMethod().getName();
        }
        if (target instanceof jakarta.servlet.http.HttpServletRequest request) {
            return request.getMethod() + " " + request.getRequestURI();
        }
        var s = String.valueOf(target);
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
