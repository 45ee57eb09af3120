package com.infraconsole.server;

import java.util.List;

/**
 * What an import did or would do with each row. {@code applied} is false for a preview:
 * then NEW rows are those that would be created.
 */
public record ImportReport(List<Row> rows, boolean applied) {

    public enum Outcome {
        NEW,
        DUPLICATE,
        REJECTED
    }

    /** One input row: the line it starts on, its hostname as read, what happened and why. */
    public record Row(int line, String hostname, Outcome outcome, String reason) {}

    public long count(Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
