package com.infraconsole.user;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for {@code infra.security.lockout-duration} (30 minutes) after
 * {@code infra.security.max-failed-logins} (10) consecutive failed logins; a success resets the count.
 * The lock never grows: repeats lock it again for the same time (docs/decisions/065-login-throttling.md).
 * A success from a known browser during the lock leaves the lock in place for everyone else.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final UserRepository users;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final ApplicationEventPublisher events;
    private final KnownDevices devices;

    LoginThrottle(
            UserRepository users,
            Clock clock,
            ApplicationEventPublisher events,
            KnownDevices devices,
            @Value("${infra.security.max-failed-logins:10}") int maxFailures,
            @Value("${infra.security.lockout-duration:30m}") Duration lockout) {
        this.users = users;
        this.clock = clock;
        this.events = events;
        this.devices = devices;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        var username = event.getAuthentication().getName();
        devices.failed(event.getAuthentication());
        if (users.incrementFailedLogins(username) == 0) {
            return; // unknown user: nothing to count, and nothing to reveal
        }
        users.findByUsername(username).ifPresent(user -> {
            if (user.getFailedLoginAttempts() >= maxFailures && !user.isLockedAt(clock.instant())) {
                user.setLockedUntil(clock.instant().plus(lockout));
                user.setFailedLoginAttempts(0);
                log.warn("Account {} locked for {} after {} failed logins", username, lockout, maxFailures);
                events.publishEvent(new AccountLockedEvent(user.getId(), username, user.getLockedUntil()));
            }
        });
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.findByUsername(event.getAuthentication().getName()).ifPresent(user -> {
            if (!user.isLockedAt(clock.instant())) {
                user.setFailedLoginAttempts(0);
                user.setLockedUntil(null);
            }
            user.setLastLogin(clock.instant());
            devices.remember(event.getAuthentication(), user.getId());
        });
    }
}
