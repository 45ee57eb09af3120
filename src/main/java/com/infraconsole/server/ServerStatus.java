package com.infraconsole.server;

import java.util.Arrays;

public enum ServerStatus {
    ACTIVE("Active"),
    INACTIVE("Inactive"),
    MAINTENANCE("Maintenance");

    private final String label;

    ServerStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String dbValue() {
        return name().toLowerCase();
    }

    public static ServerStatus fromDbValue(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown server status " + value));
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class DbConverter implements jakarta.persistence.AttributeConverter<ServerStatus, String> {
        @Override
        public String convertToDatabaseColumn(ServerStatus status) {
            return status == null ? null : status.dbValue();
        }

        @Override
        public ServerStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromDbValue(value);
        }
    }
}
