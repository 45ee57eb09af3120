package com.infraconsole.audit;

/**
 * The outcome of walking the chain: either every row checked out, or the first bad seq and what
 * happened there.
 *
 * @param keyedFromSeq the first row signed with an audit key (HMAC); rows before it carry plain
 *     SHA-256 hashes from before the chain was keyed. Null when no row walked was keyed.
 */
public record VerificationResult(
        long rowsVerified, Long firstBadSeq, Problem problem, String message, Long keyedFromSeq) {

    public enum Problem {
        ALTERED,
        REMOVED,
        INSERTED
    }

    public boolean intact() {
        return problem == null;
    }

    static VerificationResult ok(long rows, Long keyedFromSeq, int checkpoints) {
        return new VerificationResult(
                rows,
                null,
                null,
                rows + " rows verified"
                        + (keyedFromSeq == null ? "" : "; keyed (HMAC) from seq " + keyedFromSeq)
                        + (checkpoints == 0
                                ? ""
                                : "; " + checkpoints
                                        + (checkpoints == 1
                                                ? " checkpoint outside the database matches"
                                                : " checkpoints outside the database match")),
                keyedFromSeq);
    }

    static VerificationResult broken(long rows, long seq, Problem problem, String detail) {
        return new VerificationResult(
                rows,
                seq,
                problem,
                "Chain broken at seq " + seq + ": row " + problem.name().toLowerCase() + " (" + detail + ")",
                null);
    }
}
