package com.infraconsole.audit;

/** An audit entry captured during a transaction, waiting for its seq, time and hash at commit. */
record PendingEntry(
        Long userId,
        String username,
        String action,
        String entityType,
        String entityId,
        String changes,
        String clientIp,
        String userAgent,
        String outcome) {}
