package com.infraconsole.audit;

import java.time.Instant;

/**
 * Published after every verification of the live audit chain, intact or not (a broken one also
 * publishes {@link AuditChainBroken}); the metrics read the outcome and its age from it.
 */
public record AuditChainVerified(boolean intact, long rowsVerified, Instant at) {}
