package com.infraconsole.audit;

/**
 * The outcome of walking the chain: either every row checked out, or the first bad seq and what
 * happened there.
 */
public record VerificationResult(long rowsVerified, Long firstBadSeq, Problem problem, String message) {

    public enum Problem { ALTERED, REMOVED, INSERTED }

    public boolean intact() {
        return problem == null;
    }

    static VerificationResult ok(long rows) {
        return new VerificationResult(rows, null, null, rows + " rows verified");
    }

    static VerificationResult broken(long rows, long seq, Problem problem, String detail) {
        return new VerificationResult(rows, seq, problem,
                "Chain broken at seq " + seq + ": row " + problem.name().toLowerCase() + " (" + detail + ")");
    }
}
