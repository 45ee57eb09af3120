package com.infraconsole.job.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.infraconsole.base.ui.Badges;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.job.JobSchedule;
import com.infraconsole.job.JobScheduleService;
import com.infraconsole.job.JobService;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.Role;
import com.infraconsole.server.ServerService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;

/** Cron schedules: what runs when, next run, enable and disable. */
@Route("jobs/schedules")
@PageTitle("Schedules")
@Menu(order = 31, icon = "vaadin:clock", title = "Schedules")
@RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME})
class SchedulesView extends VerticalLayout {

    /** A schedule with its playbook's name, read for the page shown. */
    record Row(JobSchedule schedule, String playbook) {}

    private final JobScheduleService schedules;
    private final JobService jobs;
    private final Grid<Row> grid = new Grid<>();
    private final boolean canEdit = CurrentUser.hasRole(Role.ADMIN) || CurrentUser.hasRole(Role.OPERATOR);

    SchedulesView(JobScheduleService schedules, JobService jobs, ServerService servers) {
        this.schedules = schedules;
        this.jobs = jobs;
        setSizeFull();
        grid.addColumn(r -> r.schedule().getName())
                .setHeader("Name")
                .setWidth("9rem")
                .setFlexGrow(2);
        grid.addColumn(Row::playbook).setHeader("Playbook").setWidth("9rem").setFlexGrow(2);
        grid.addColumn(r -> r.schedule().getTargets().size())
                .setHeader("Servers")
                .setAutoWidth(true);
        grid.addColumn(r -> r.schedule().getCron() + " (" + r.schedule().getTimeZone() + ")")
                .setHeader("Cron")
                .setAutoWidth(true);
        grid.addColumn(r -> schedules
                        .nextRun(r.schedule().getId())
                        .map(JobBadges::when)
                        .orElse("—"))
                .setHeader("Next run")
                .setAutoWidth(true);
        grid.addComponentColumn(r -> r.schedule().isEnabled()
                        ? Badges.badge("Enabled", Badges.Tone.SUCCESS)
                        : Badges.badge("Disabled", Badges.Tone.NEUTRAL))
                .setHeader("State")
                .setAutoWidth(true);
        grid.addComponentColumn(r -> skipped(r.schedule()))
                .setHeader("Skipped occurrences")
                .setKey("skipped")
                .setWidth("14rem")
                .setFlexGrow(1);
        if (canEdit) {
            // Kept in view when the columns are wider than the window.
            grid.addComponentColumn(this::toggle)
                    .setAutoWidth(true)
                    .setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No schedules yet.");
        grid.setSizeFull();

        var create = new Button(
                "New schedule",
                new Icon(VaadinIcon.PLUS),
                e -> new LaunchDialog(jobs, servers, true, (request, name, cron, zone) -> {
                            var s = schedules.create(name, cron, zone, request);
                            Notifications.success("Created schedule " + s.getName());
                            refresh();
                        })
                        .open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(canEdit);
        var spacer = new Div();
        spacer.addClassName("grow");
        var toolbar = new Div(spacer, create);
        toolbar.addClassName("toolbar");
        add(toolbar, grid);
        refresh();
    }

    private Button toggle(Row row) {
        var s = row.schedule();
        var button = new Button(s.isEnabled() ? "Disable" : "Enable", e -> {
            if (s.isEnabled()) {
                schedules.disable(s.getId());
            } else {
                schedules.enable(s.getId());
            }
            refresh();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    /** How many occurrences launched nothing, then the last one's time and reason (the audit log has each). */
    private static Component skipped(JobSchedule s) {
        if (s.getSkipCount() == 0) {
            return new Span("—");
        }
        var count = Badges.badge(s.getSkipCount() + " skipped", Badges.Tone.WARNING);
        var when = new Span(" last " + JobBadges.when(s.getLastSkippedAt()));
        when.addClassName("muted");
        var reason = new Div(s.getLastSkipReason());
        reason.getStyle().set("font-size", "var(--lumo-font-size-s)");
        var cell = new Div(new Div(count, when), reason);
        // The reason is what the reader needs: let it wrap instead of ending in an ellipsis.
        cell.getStyle().set("white-space", "normal").set("padding", "var(--lumo-space-xs) 0");
        return cell;
    }

    private void refresh() {
        grid.setItems(q -> page(toSpringPageRequest(q)).stream(), q -> (int) schedules.count());
    }

    private List<Row> page(Pageable pageable) {
        var page = schedules.list(pageable);
        var names =
                jobs.playbookNames(page.stream().map(JobSchedule::getPlaybookId).collect(Collectors.toSet()));
        return page.stream()
                .map(s -> new Row(s, names.getOrDefault(s.getPlaybookId(), "(deleted playbook)")))
                .toList();
    }
}
