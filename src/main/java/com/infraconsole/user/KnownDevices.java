package com.infraconsole.user;

import com.infraconsole.security.LoginDetails;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Browsers that have signed in to an account (docs/decisions/065-login-throttling.md). While the
 * account is locked after failed logins, such a browser may still sign in with the right password:
 * the lock stops guessing from everywhere else, and anonymous failures cannot keep the owner out.
 * The browser holds a random token in an HttpOnly cookie; the database keeps its SHA-256 only. A
 * device that itself fails {@code max-failed-logins} times in a row is forgotten.
 */
@Component
class KnownDevices {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lifetime;

    KnownDevices(
            JdbcClient jdbc,
            Clock clock,
            @Value("${infra.security.max-failed-logins:10}") int maxFailures,
            @Value("${infra.security.known-device-lifetime:90d}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lifetime = lifetime;
    }

    /** Whether the login came from a browser that signed in to this account before and has not failed too often since. */
    boolean knows(Authentication login, String username) {
        var hash = LoginDetails.deviceTokenHash(login);
        return hash != null
                && jdbc.sql(
                                        "SELECT COUNT(*) FROM login_devices d JOIN users u ON u.id = d.user_id"
                                                + " WHERE d.token_hash = ? AND u.username = ? AND d.created_at > ? AND d.failures < ?")
                                .params(hash, username, utc(clock.instant().minus(lifetime)), maxFailures)
                                .query(Integer.class)
                                .single()
                        > 0;
    }

    /** After a successful login: the browser's device is kept (its failures cleared), or it gets a new one. */
    void remember(Authentication login, long userId) {
        var hash = LoginDetails.deviceTokenHash(login);
        if (hash != null
                && jdbc.sql(
                                        "UPDATE login_devices SET failures = 0 WHERE token_hash = ? AND user_id = ? AND created_at > ?")
                                .params(hash, userId, utc(clock.instant().minus(lifetime)))
                                .update()
                        > 0) {
            return;
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || attributes.getResponse() == null) {
            return; // not a browser's login
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("DELETE FROM login_devices WHERE user_id = ? AND created_at <= ?")
                .params(userId, utc(clock.instant().minus(lifetime)))
                .update();
        jdbc.sql("INSERT INTO login_devices (token_hash, user_id, created_at) VALUES (?, ?, ?)")
                .params(LoginDetails.hash(token), userId, utc(clock.instant()))
                .update();
        var request = attributes.getRequest();
        var cookie = ResponseCookie.from(LoginDetails.DEVICE_COOKIE, token)
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .maxAge(lifetime)
                .build();
        attributes.getResponse().addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** A failed login from a known browser counts against that browser; at the limit it is forgotten. */
    void failed(Authentication login) {
        var hash = LoginDetails.deviceTokenHash(login);
        if (hash != null) {
            jdbc.sql("UPDATE login_devices SET failures = failures + 1 WHERE token_hash = ?")
                    .param(hash)
                    .update();
            jdbc.sql("DELETE FROM login_devices WHERE token_hash = ? AND failures >= ?")
                    .params(hash, maxFailures)
                    .update();
        }
    }

    private static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
