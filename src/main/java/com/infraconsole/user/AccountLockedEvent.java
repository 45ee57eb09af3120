package com.infraconsole.user;

import java.time.Instant;

/** Published when too many failed logins lock an account; the audit log records it. */
public record AccountLockedEvent(long userId, String username, Instant lockedUntil) {}
