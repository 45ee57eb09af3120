package com.infraconsole.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins per source address, kept in the shared database so that every node sees them
 * (docs/decisions/065-login-throttling.md).
 * <ul>
 * <li>Back-off: after {@code free-failures} failures a source is refused for {@code base-delay},
 * doubling with each further failure up to {@code max-delay}; its count is forgotten after
 * {@code reset-after} without a failure. Refused attempts do not lengthen the wait.</li>
 * <li>Audit cap: of the failures of one source in one {@code audit-window}, the first
 * {@code audit-rows-per-window} get a row each; the others are counted and summed up in one
 * LOGIN_FAILURES_SUPPRESSED row when the window closes.</li>
 * </ul>
 * Logins without a source (no web request) are neither throttled nor capped.
 */
@Component
public class LoginSources {

    private static final Logger log = LoggerFactory.getLogger(LoginSources.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int freeFailures;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration resetAfter;
    private final int auditRowsPerWindow;
    private final Duration auditWindow;

    LoginSources(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${infra.security.source-throttle.free-failures:5}") int freeFailures,
            @Value("${infra.security.source-throttle.base-delay:1s}") Duration baseDelay,
            @Value("${infra.security.source-throttle.max-delay:15m}") Duration maxDelay,
            @Value("${infra.security.source-throttle.reset-after:1h}") Duration resetAfter,
            @Value("${infra.security.source-throttle.audit-rows-per-window:20}") int auditRowsPerWindow,
            @Value("${infra.security.source-throttle.audit-window:10m}") Duration auditWindow) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        // Its own transaction: the bookkeeping and its audit rows commit even when the login fails.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.resetAfter = resetAfter;
        this.auditRowsPerWindow = auditRowsPerWindow;
        this.auditWindow = auditWindow;
    }

    /** The address a login attempt came from (after trusted-proxy resolution), or null off the web. */
    public static String sourceOf(Authentication authentication) {
        if (authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details) {
            var address = details.getRemoteAddress();
            return address == null || address.isBlank()
                    ? null
                    : address.length() > 45 ? address.substring(0, 45) : address;
        }
        return null;
    }

    /** Refuses an attempt from a source that is waiting out its back-off; costs one primary-key read. */
    public void checkAllowed(String source) {
        if (source == null) {
            return;
        }
        var wait = blockedFor(source);
        if (wait.isPresent()) {
            throw new LoginThrottledException(Math.max(1, (wait.get().toMillis() + 999) / 1000));
        }
    }

    Optional<Duration> blockedFor(String source) {
        var now = clock.instant();
        return jdbc.sql("SELECT blocked_until FROM login_sources WHERE source = ?")
                .param(source)
                .query(LocalDateTime.class)
                .optional()
                .map(until -> until.toInstant(ZoneOffset.UTC))
                .filter(now::isBefore)
                .map(until -> Duration.between(now, until));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        var source = sourceOf(event.getAuthentication());
        var recorded = new LoginFailureEvents.Recorded(
                event.getAuthentication().getName(),
                event.getException().getClass().getSimpleName());
        if (source == null) {
            events.publishEvent(recorded);
            return;
        }
        boolean counts = !(event instanceof LoginThrottledEvent);
        try {
            transaction.executeWithoutResult(status -> {
                if (record(source, counts)) {
                    events.publishEvent(recorded);
                }
            });
        } catch (DataAccessException e) {
            // The bookkeeping failed (a deadlock between nodes, an outage): audit the attempt rather than lose it.
            log.warn("Could not count a failed login from {}: {}", source, e.getMessage());
            events.publishEvent(recorded);
        }
    }

    /** Counts a failure; true when it gets an audit row of its own. Runs inside the transaction. */
    private boolean record(String source, boolean counts) {
        var now = clock.instant();
        var nowUtc = utc(now);
        jdbc.sql(
                        "INSERT IGNORE INTO login_sources (source, failures, last_failure_at, audit_window_start) VALUES (?, 0, ?, ?)")
                .params(source, nowUtc, nowUtc)
                .update();
        var state = jdbc.sql(
                        "SELECT failures, last_failure_at, blocked_until, audit_window_start, audit_rows, audit_suppressed"
                                + " FROM login_sources WHERE source = ? FOR UPDATE")
                .param(source)
                .query((rs, i) -> new State(
                        rs.getInt(1),
                        instant(rs.getObject(2, LocalDateTime.class)),
                        instant(rs.getObject(3, LocalDateTime.class)),
                        instant(rs.getObject(4, LocalDateTime.class)),
                        rs.getInt(5),
                        rs.getInt(6)))
                .single();
        int failures = state.failures();
        var lastFailure = state.lastFailure();
        var blockedUntil = state.blockedUntil();
        if (counts) {
            failures = state.lastFailure().plus(resetAfter).isBefore(now) ? 1 : failures + 1;
            lastFailure = now;
            if (failures > freeFailures) {
                blockedUntil = now.plus(delayAfter(failures - freeFailures));
            }
        }
        var windowStart = state.windowStart();
        int rows = state.auditRows();
        int suppressed = state.suppressed();
        if (!now.isBefore(windowStart.plus(auditWindow))) {
            publishSummary(source, suppressed, windowStart);
            windowStart = now;
            rows = 0;
            suppressed = 0;
        }
        boolean audited = rows < auditRowsPerWindow;
        if (audited) {
            rows++;
        } else {
            suppressed++;
        }
        jdbc.sql(
                        "UPDATE login_sources SET failures = ?, last_failure_at = ?, blocked_until = ?, audit_window_start = ?,"
                                + " audit_rows = ?, audit_suppressed = ? WHERE source = ?")
                .params(
                        failures,
                        utc(lastFailure),
                        blockedUntil == null ? null : utc(blockedUntil),
                        utc(windowStart),
                        rows,
                        suppressed,
                        source)
                .update();
        return audited;
    }

    /** The n-th wait of a source past its free failures: base, 2 x base, 4 x base... up to the maximum. */
    Duration delayAfter(int n) {
        if (n >= 40) {
            return maxDelay;
        }
        var delay = baseDelay.multipliedBy(1L << (n - 1));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Every minute, on any node: writes the summary of each closed window and forgets quiet sources. */
    @Scheduled(fixedDelayString = "${infra.security.source-throttle.sweep-interval:60s}", initialDelayString = "60s")
    void sweep() {
        try {
            closeWindows(clock.instant());
        } catch (DataAccessException e) {
            log.warn("Could not sum up suppressed failed logins: {}", e.getMessage());
        }
    }

    /** Writes a summary row for each source whose window ended before {@code now}; returns how many. */
    int closeWindows(Instant now) {
        var cutoff = utc(now.minus(auditWindow));
        var sources = jdbc.sql(
                        "SELECT source FROM login_sources WHERE audit_suppressed > 0 AND audit_window_start <= ?")
                .param(cutoff)
                .query(String.class)
                .list();
        var closed = new ArrayList<String>();
        for (var source : sources) {
            // Locked and checked again: another node may have summed it up in the meantime.
            transaction.executeWithoutResult(status -> jdbc.sql(
                            "SELECT audit_window_start, audit_suppressed FROM login_sources WHERE source = ?"
                                    + " AND audit_suppressed > 0 AND audit_window_start <= ? FOR UPDATE")
                    .params(source, cutoff)
                    .query((rs, i) -> new Object[] {instant(rs.getObject(1, LocalDateTime.class)), rs.getInt(2)})
                    .optional()
                    .ifPresent(row -> {
                        publishSummary(source, (int) row[1], (Instant) row[0]);
                        jdbc.sql("UPDATE login_sources SET audit_window_start = ?, audit_rows = 0, audit_suppressed = 0"
                                        + " WHERE source = ?")
                                .params(utc(now), source)
                                .update();
                        closed.add(source);
                    }));
        }
        var forgetBefore = utc(now.minus(resetAfter.compareTo(auditWindow) > 0 ? resetAfter : auditWindow)
                .minus(maxDelay));
        jdbc.sql("DELETE FROM login_sources WHERE last_failure_at < ? AND audit_suppressed = 0"
                        + " AND (blocked_until IS NULL OR blocked_until < ?)")
                .params(forgetBefore, utc(now))
                .update();
        return closed.size();
    }

    private void publishSummary(String source, int suppressed, Instant windowStart) {
        if (suppressed > 0) {
            events.publishEvent(
                    new LoginFailureEvents.Suppressed(source, suppressed, windowStart, windowStart.plus(auditWindow)));
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private record State(
            int failures,
            Instant lastFailure,
            Instant blockedUntil,
            Instant windowStart,
            int auditRows,
            int suppressed) {}
}
