package com.infraconsole.dashboard.ui;

import com.infraconsole.base.ui.chart.Charts;
import com.infraconsole.base.ui.chart.Series;
import com.infraconsole.dashboard.DashboardSnapshot;
import com.infraconsole.dashboard.DashboardSnapshot.DayOutcomes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The dashboard's four charts, as server-rendered SVG. */
final class DashboardCharts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private DashboardCharts() {}

    static List<Component> panels(DashboardSnapshot s) {
        var days = s.jobsPerDay();
        var labels = days.stream().map(d -> DAY.format(d.day())).toList();
        var perDay = Charts.stackedColumns(
                "Jobs per day by outcome, last 30 days",
                "Completed jobs per UTC day, stacked: succeeded, failed, timed out, cancelled.",
                labels,
                List.of(
                        series("Succeeded", "var(--ic-ok)", days, DayOutcomes::succeeded),
                        series("Failed", "var(--ic-err)", days, DayOutcomes::failed),
                        series("Timed out", "var(--ic-warn)", days, DayOutcomes::timedOut),
                        series("Cancelled", "var(--lumo-contrast-40pct)", days, DayOutcomes::cancelled)),
                DashboardCharts::count,
                5);
        // One unit for the whole axis (seconds, minutes or hours), so that ticks fall on round values.
        double longest = days.stream()
                .map(DayOutcomes::averageSeconds)
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        double unit = longest >= 7200 ? 3600 : longest >= 120 ? 60 : 1;
        var unitName = unit == 3600 ? " h" : unit == 60 ? " min" : " s";
        var duration = Charts.line(
                "Average job duration per day, last 30 days",
                "Mean time from start to completion of the jobs completed each UTC day, in" + unitName + ".",
                labels,
                new Series(
                        "Average duration (" + unitName.trim() + ")",
                        "var(--ic-info)",
                        days.stream()
                                .map(d -> d.averageSeconds() == null ? null : d.averageSeconds() / unit)
                                .toList()),
                v -> count(Math.round(v * 10) / 10.0) + unitName,
                5);
        var failing = s.topFailingPlaybooks();
        var topFailing = Charts.bars(
                "Top failing playbooks, last 30 days",
                "Playbooks with the most failed or timed-out jobs in the last 30 days.",
                failing.stream()
                        .map(DashboardSnapshot.PlaybookFailures::playbook)
                        .toList(),
                List.of(new Series(
                        "Failed or timed out",
                        "var(--ic-err)",
                        failing.stream().map(f -> (double) f.failures()).toList())),
                DashboardCharts::count);
        var envs = s.serversPerEnvironment();
        var perEnv = Charts.bars(
                "Servers per environment",
                "Number of servers in each environment.",
                envs.stream()
                        .map(DashboardSnapshot.EnvironmentServers::environment)
                        .toList(),
                List.of(new Series(
                        "Servers",
                        "var(--ic-info)",
                        envs.stream().map(e -> (double) e.servers()).toList())),
                DashboardCharts::count);
        return List.of(
                panel("chart-jobs-per-day", "Jobs per day", perDay),
                panel("chart-duration", "Job duration trend", duration),
                panel("chart-top-failing", "Top failing playbooks", topFailing),
                panel("chart-servers-per-env", "Servers per environment", perEnv));
    }

    private static Series series(String name, String color, List<DayOutcomes> days, ToLongFunction<DayOutcomes> value) {
        return new Series(
                name,
                color,
                days.stream().map(d -> (double) value.applyAsLong(d)).toList());
    }

    static String count(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static Component panel(String id, String title, String svg) {
        var panel = new Div(DashboardTiles.heading(title), new Svg(svg));
        panel.addClassName("panel");
        panel.setId(id);
        return panel;
    }
}
