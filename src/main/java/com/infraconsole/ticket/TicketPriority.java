package com.infraconsole.ticket;

import com.infraconsole.base.DbEnum;
import com.infraconsole.base.DbEnumConverter;

public enum TicketPriority implements DbEnum {
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High"),
    CRITICAL("Critical");

    private final String label;

    TicketPriority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TicketPriority fromDbValue(String value) {
        return DbEnum.fromDbValue(TicketPriority.class, value);
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class DbConverter extends DbEnumConverter<TicketPriority> {
        DbConverter() {
            super(TicketPriority.class);
        }
    }
}
