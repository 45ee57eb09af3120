package com.infraconsole.ticket;

import com.infraconsole.base.DbEnum;
import com.infraconsole.base.DbEnumConverter;
import java.util.Set;

/** open -> in_progress -> resolved -> closed, and back to open from resolved or closed (reopen). */
public enum TicketStatus implements DbEnum {
    OPEN("Open"),
    IN_PROGRESS("In progress"),
    RESOLVED("Resolved"),
    CLOSED("Closed");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses a ticket in this status may move to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(IN_PROGRESS);
            case IN_PROGRESS -> Set.of(RESOLVED);
            case RESOLVED -> Set.of(CLOSED, OPEN);
            case CLOSED -> Set.of(OPEN);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return next().contains(target);
    }

    /** Still needs work: neither resolved nor closed. */
    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }

    public static TicketStatus fromDbValue(String value) {
        return DbEnum.fromDbValue(TicketStatus.class, value);
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class DbConverter extends DbEnumConverter<TicketStatus> {
        DbConverter() {
            super(TicketStatus.class);
        }
    }
}
