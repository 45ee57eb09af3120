package com.infraconsole.audit;

/** Published when a verification of the live audit chain finds a row altered, removed or inserted. */
public record AuditChainBroken(long firstBadSeq, String problem, String message) {}
