package com.infraconsole.base;

import java.time.Instant;

/** Someone else saved the record after the user opened it; the user's save was refused. */
public class StaleDataException extends RuntimeException {

    private final String savedBy;
    private final Instant savedAt;

    public StaleDataException(String what, String savedBy, Instant savedAt) {
        super(
                savedBy == null
                        ? what + " was changed or deleted by someone else after you opened it."
                        : what + " was changed by " + savedBy + " at "
                                + (savedAt == null ? "an unknown time" : UtcTime.format(savedAt))
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
