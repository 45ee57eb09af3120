package com.infraconsole.notification;

import java.util.Locale;

/** What a rule listens to. Stored in lower case; the generic webhook names it with dots (job.failed). */
public enum NotificationEvent {
    JOB_FAILED("Job failed"),
    JOB_SUCCEEDED("Job succeeded"),
    JOB_TIMED_OUT("Job timed out"),
    TICKET_ASSIGNED("Ticket assigned"),
    AUDIT_CHAIN_BROKEN("Audit chain verification failed"),
    ACCOUNT_LOCKED("Account locked");

    private final String label;

    NotificationEvent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** job.failed, ticket.assigned, ...: the name a webhook receiver switches on. */
    public String wireName() {
        var db = dbValue();
        int cut = db.indexOf('_');
        return db.substring(0, cut) + "." + db.substring(cut + 1);
    }

    static NotificationEvent fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
