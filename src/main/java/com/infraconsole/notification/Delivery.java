package com.infraconsole.notification;

import java.time.Instant;

/** A row of the delivery log, as the screen shows it. */
public record Delivery(
        long id,
        String ruleName,
        String event,
        String channel,
        String subject,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        Instant nextAttemptAt) {}
