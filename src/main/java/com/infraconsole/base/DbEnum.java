package com.infraconsole.base;

import java.util.Arrays;
import java.util.Locale;

/**
 * An enum stored as its lower-case name ({@code in_progress}), as the old platform wrote these
 * columns. {@link Locale#ROOT}, not the default locale: under a Turkish default,
 * {@code "ACTIVE".toLowerCase()} is {@code "actıve"}, which no row holds.
 */
public interface DbEnum {

    String name();

    default String dbValue() {
        return dbValue((Enum<?>) this);
    }

    static String dbValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the type ("Unknown ticket status OPEN") */
    static <E extends Enum<E>> E fromDbValue(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> dbValue(e).equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown " + words(type) + " " + value));
    }

    /** TicketStatus -> "ticket status". */
    private static String words(Class<?> type) {
        return type.getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }
}
