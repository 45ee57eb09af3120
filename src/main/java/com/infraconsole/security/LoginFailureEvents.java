package com.infraconsole.security;

import java.time.Instant;

/** What the login throttle tells the audit log: which failures to record, and what it left out. */
public final class LoginFailureEvents {

    private LoginFailureEvents() {}

    /** One failed login to record: the name tried, why it failed (an exception's simple name). */
    public record Recorded(String username, String reason) {}

    /** {@code count} further failed logins from {@code source} between {@code from} and {@code to} that got no row of their own. */
    public record Suppressed(String source, int count, Instant from, Instant to) {}
}
