package com.infraconsole.ticket;

import java.util.Arrays;

public enum TicketPriority {
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

    public String dbValue() {
        return name().toLowerCase();
    }

    public static TicketPriority fromDbValue(String value) {
        return Arrays.stream(values()).filter(p -> p.dbValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown ticket priority " + value));
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class DbConverter implements jakarta.persistence.AttributeConverter<TicketPriority, String> {
        @Override
        public String convertToDatabaseColumn(TicketPriority priority) {
            return priority == null ? null : priority.dbValue();
        }

        @Override
        public TicketPriority convertToEntityAttribute(String value) {
            return value == null ? null : fromDbValue(value);
        }
    }
}
