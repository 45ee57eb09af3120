package com.infraconsole.base;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Someone else saved the record after the user opened it; the user's save was refused. */
public class StaleDataException extends RuntimeException {

    /** Read by people: no ISO "T", no fractions of a second, and the zone said. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final String savedBy;
    private final Instant savedAt;

    public StaleDataException(String what, String savedBy, Instant savedAt) {
        super(savedBy == null
                ? what + " was changed or deleted by someone else after you opened it."
                : what + " was changed by " + savedBy + " at " + (savedAt == null ? "an unknown time" : WHEN.format(savedAt))
                        + " after you opened it.");
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    public String savedBy() {
        return savedBy;
    }

    public Instant savedAt() {
        return savedAt;
    }
}
