package com.infraconsole.server;

import com.infraconsole.base.DbEnum;
import com.infraconsole.base.DbEnumConverter;

public enum ServerStatus implements DbEnum {
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

    public static ServerStatus fromDbValue(String value) {
        return DbEnum.fromDbValue(ServerStatus.class, value);
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class DbConverter extends DbEnumConverter<ServerStatus> {
        DbConverter() {
            super(ServerStatus.class);
        }
    }
}
