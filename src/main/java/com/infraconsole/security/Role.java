package com.infraconsole.security;

import java.util.Arrays;
import java.util.Locale;

/**
 * The three roles. What each may do: README, "Roles"; how that is enforced:
 * docs/decisions/002-method-security-and-views.md. Stored lower-case in users.role, as the old
 * platform did.
 */
public enum Role {
    ADMIN("Admin"),
    OPERATOR("Operator"),
    AUDITOR("Auditor");

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final String ADMIN_NAME = "ADMIN";

    public static final String OPERATOR_NAME = "OPERATOR";
    public static final String AUDITOR_NAME = "AUDITOR";

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The rule of base.DbEnum, which security cannot use (base depends on security). */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Role fromDbValue(String value) {
        return Arrays.stream(values())
                .filter(r -> r.dbValue().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role " + value));
    }
}
