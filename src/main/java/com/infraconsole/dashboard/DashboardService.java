package com.infraconsole.dashboard;

import com.infraconsole.dashboard.DashboardSnapshot.DayOutcomes;
import com.infraconsole.dashboard.DashboardSnapshot.SuccessRate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ops dashboard's figures; every signed-in role may read them. */
@Service
@PreAuthorize("isAuthenticated()")
public class DashboardService {

    /** Days of the per-day charts, today included. */
    public static final int DAYS = 30;

    private static final int TOP_PLAYBOOKS = 5;
    private static final int RECENT_FAILURES = 10;

    private final DashboardQueries queries;
    private final Clock clock;

    DashboardService(DashboardQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DashboardSnapshot snapshot() {
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var windowStart = today.minusDays(DAYS - 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        var active = queries.activeJobs();
        var window =
                queries.completedSince(windowStart, now.minus(Duration.ofDays(7)), now.minus(Duration.ofHours(24)));
        var day = window.last24h();
        var week = window.last7d();
        return new DashboardSnapshot(
                now,
                queries.serversByStatus(),
                active.getOrDefault("running", 0L),
                active.getOrDefault("pending", 0L),
                new SuccessRate(day[0], day[1]),
                new SuccessRate(week[0], week[1]),
                day[1],
                queries.openTicketsByPriority(),
                everyDay(window.days(), today),
                queries.topFailingPlaybooks(windowStart, TOP_PLAYBOOKS),
                queries.serversPerEnvironment(),
                queries.recentFailures(RECENT_FAILURES));
    }

    /** One entry per day of the window, zeros for days without completed jobs. */
    private static List<DayOutcomes> everyDay(List<DayOutcomes> found, LocalDate today) {
        var byDay = new java.util.HashMap<LocalDate, DayOutcomes>();
        found.forEach(d -> byDay.put(d.day(), d));
        var all = new ArrayList<DayOutcomes>(DAYS);
        for (var d = today.minusDays(DAYS - 1); !d.isAfter(today); d = d.plusDays(1)) {
            all.add(byDay.getOrDefault(d, new DayOutcomes(d, 0, 0, 0, 0, 0, 0)));
        }
        return all;
    }
}
