package com.infraconsole.base;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one way the console writes a moment: in UTC, as {@code 2026-11-25 14:44:14 UTC}, on every
 * screen, in messages, exports and the command line. Servers, logs, the audit trail and the
 * database all keep UTC, and operators in several zones compare these times with each other and
 * with {@code ansible-playbook} output, so no screen converts to a browser's or the JVM's zone
 * (docs/architecture.md, "Time").
 */
public final class UtcTime {

    private static final DateTimeFormatter WITH_ZONE = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WITHOUT_ZONE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private UtcTime() {}

    /** {@code 2026-11-25 14:44:14 UTC}; empty for no time. */
    public static String format(@Nullable Instant instant) {
        return instant == null ? "" : WITH_ZONE.format(instant);
    }

    /** {@code 2026-11-25 14:44:14}, for a column or table whose heading already says "(UTC)". */
    public static String inUtcColumn(@Nullable Instant instant) {
        return instant == null ? "" : WITHOUT_ZONE.format(instant);
    }

    /** {@code 20261125-144414}, for file names: sorts by time and needs no quoting. */
    public static String fileStamp(Instant instant) {
        return FILE_STAMP.format(instant);
    }
}
