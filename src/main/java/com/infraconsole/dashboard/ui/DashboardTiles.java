package com.infraconsole.dashboard.ui;

import com.infraconsole.dashboard.DashboardSnapshot;
import com.infraconsole.dashboard.DashboardSnapshot.SuccessRate;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The figure tiles at the top of the dashboard. */
final class DashboardTiles {

    private static final List<String> PRIORITIES = List.of("critical", "high", "medium", "low");
    private static final List<String> SERVER_STATUSES = List.of("active", "maintenance", "inactive");

    private DashboardTiles() {}

    static List<Component> tiles(DashboardSnapshot s) {
        long servers =
                s.serversByStatus().values().stream().mapToLong(Long::longValue).sum();
        long tickets = s.openTicketsByPriority().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return List.of(
                tile(
                        "servers",
                        "Servers",
                        String.valueOf(servers),
                        breakdown(s.serversByStatus(), SERVER_STATUSES),
                        false),
                tile(
                        "jobs-active",
                        "Jobs running",
                        String.valueOf(s.jobsRunning()),
                        s.jobsPending() + " pending",
                        false),
                rateTile("success-24h", "Success rate, 24 h", s.last24h()),
                rateTile("success-7d", "Success rate, 7 days", s.last7d()),
                tile(
                        "failed-24h",
                        "Failed jobs, 24 h",
                        String.valueOf(s.failedLast24h()),
                        "failed or timed out",
                        s.failedLast24h() > 0),
                tile(
                        "tickets-open",
                        "Open tickets",
                        String.valueOf(tickets),
                        breakdown(s.openTicketsByPriority(), PRIORITIES),
                        s.openTicketsByPriority().getOrDefault("critical", 0L) > 0));
    }

    static H3 heading(String text) {
        return new H3(text);
    }

    private static Component rateTile(String id, String title, SuccessRate rate) {
        if (rate.finished() == 0) {
            return tile(id, title, "–", "no finished jobs", false);
        }
        return tile(
                id,
                title,
                String.format(Locale.ROOT, "%.1f %%", rate.percent()),
                rate.succeeded() + " of " + rate.finished() + " finished runs",
                rate.percent() < 90);
    }

    /** e.g. "2 critical · 5 high · 1 low", in the given order, zeros left out. */
    static String breakdown(Map<String, Long> counts, List<String> order) {
        var text = order.stream()
                .filter(k -> counts.getOrDefault(k, 0L) > 0)
                .map(k -> counts.get(k) + " " + k.replace('_', ' '))
                .collect(Collectors.joining(" · "));
        return text.isEmpty() ? "none" : text;
    }

    private static Component tile(String id, String title, String value, String detail, boolean bad) {
        var v = new Span(value);
        v.addClassName("tile-value");
        if (bad) {
            v.addClassName("bad");
        }
        var d = new Span(detail);
        d.addClassName("tile-detail");
        var tile = new Div(heading(title), v, new Div(d));
        tile.addClassName("tile");
        tile.setId("tile-" + id);
        return tile;
    }
}
