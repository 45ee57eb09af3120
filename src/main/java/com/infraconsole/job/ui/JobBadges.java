package com.infraconsole.job.ui;

import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.Badges;
import com.infraconsole.job.JobStatus;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;

/** Status pills and time labels shared by the jobs screens. */
final class JobBadges {

    private JobBadges() {}

    static Span status(JobStatus status) {
        var badge = Badges.badge(
                status.label(),
                switch (status) {
                    case SUCCESS -> Badges.Tone.SUCCESS;
                    case RUNNING -> Badges.Tone.INFO;
                    case PENDING, CANCELLED -> Badges.Tone.NEUTRAL;
                    case TIMED_OUT -> Badges.Tone.WARNING;
                    case FAILED -> Badges.Tone.ERROR;
                });
        badge.getElement().setAttribute("data-status", status.dbValue());
        return badge;
    }

    static String when(Instant t) {
        return UtcTime.format(t);
    }

    /** "1 min 5 s"; running jobs count up to now. */
    static String duration(Instant start, Instant end, Instant now) {
        if (start == null) {
            return "";
        }
        var d = Duration.between(start, end == null ? now : end);
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
