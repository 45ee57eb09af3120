package com.infraconsole.notification.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.job.JobSchedule;
import com.infraconsole.job.JobScheduleService;
import com.infraconsole.job.JobService;
import com.infraconsole.notification.HookService;
import com.infraconsole.notification.LaunchHook;
import com.infraconsole.security.Role;
import com.infraconsole.server.ServerService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;

/** Launch hooks: the URLs CI systems call to launch a schedule or a preset. Admins only. */
@Route("admin/hooks")
@PageTitle("Launch hooks")
@Menu(order = 32, icon = "vaadin:connect", title = "Launch hooks")
@RolesAllowed(Role.ADMIN_NAME)
class HooksView extends VerticalLayout {

    record Row(LaunchHook hook, String launches) {}

    private final HookService hooks;
    private final JobService jobs;
    private final JobScheduleService schedules;
    private final Grid<Row> grid = new Grid<>();

    HooksView(HookService hooks, JobService jobs, JobScheduleService schedules, ServerService servers) {
        this.hooks = hooks;
        this.jobs = jobs;
        this.schedules = schedules;
        setSizeFull();
        grid.addColumn(r -> r.hook().getName())
                .setHeader("Name")
                .setWidth("10rem")
                .setFlexGrow(2);
        grid.addColumn(Row::launches).setHeader("Launches").setWidth("14rem").setFlexGrow(3);
        grid.addColumn(r -> "POST " + r.hook().path()).setHeader("URL").setAutoWidth(true);
        grid.addColumn(r -> r.hook().getRatePerMinute() + "/min")
                .setHeader("Rate limit")
                .setAutoWidth(true);
        grid.addColumn(r -> r.hook().getUpdatedBy())
                .setHeader("Last changed by")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No launch hooks yet. A hook lets a CI pipeline launch a job with a signed POST.");
        grid.setSizeFull();

        var create = new Button(
                "New hook",
                new Icon(VaadinIcon.PLUS),
                e -> new HookDialog(jobs, schedules, servers, request -> {
                            var created = hooks.create(request);
                            showSecret("Hook " + created.hook().getName() + " created", created);
                            refresh();
                        })
                        .open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var note = new Span("Calls are signed with the hook's secret (GitHub or GitLab style); see the docs for curl.");
        note.addClassName("muted");
        var spacer = new Div();
        spacer.addClassName("grow");
        var toolbar = new Div(note, spacer, create);
        toolbar.addClassName("toolbar");
        add(toolbar, grid);
        refresh();
    }

    private HorizontalLayout actions(Row row) {
        var rotate = new Button(
                "Rotate secret",
                e -> new ConfirmDialog(
                                "Rotate the secret of " + row.hook().getName() + "?",
                                "Callers using the current secret are refused from now on.",
                                "Rotate",
                                c -> act(() -> showSecret(
                                        "New secret for " + row.hook().getName(), hooks.rotateSecret(row.hook()))),
                                "Cancel",
                                c -> {})
                        .open());
        var delete = new Button("Delete", e -> {
            var confirm = new ConfirmDialog(
                    "Delete " + row.hook().getName() + "?",
                    "Its URL stops working at once.",
                    "Delete",
                    c -> act(() -> {
                        hooks.delete(row.hook());
                        Notifications.success("Deleted " + row.hook().getName());
                    }),
                    "Cancel",
                    c -> {});
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        rotate.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(rotate, delete);
    }

    /** A stale row (someone rotated or deleted it meanwhile) says so and shows the current list. */
    private void act(Runnable action) {
        try {
            action.run();
        } catch (StaleDataException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void showSecret(String title, HookService.HookSecret created) {
        var path = created.hook().path();
        var example = "CONSOLE=https://console.example.com   # this console's address\n"
                + "SECRET='" + created.secret() + "'\n"
                + "BODY='{\"ref\":\"refs/heads/main\"}'\n"
                + "SIG=$(printf '%s' \"$BODY\" | openssl dgst -sha256 -hmac \"$SECRET\" | sed 's/^.* //')\n"
                + "curl -sS -X POST \"$CONSOLE" + path + "\" -H 'Content-Type: application/json' \\\n"
                + "  -H \"X-Hub-Signature-256: sha256=$SIG\" -H \"Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)\" \\\n"
                + "  --data \"$BODY\"";
        new SecretDialog(
                        title,
                        "POST " + path + " launches it. Sign the body with this secret (X-Hub-Signature-256),"
                                + " or send it as X-Gitlab-Token, and give each call a new delivery id.",
                        created.secret(),
                        example)
                .open();
    }

    private void refresh() {
        grid.setItems(q -> page(toSpringPageRequest(q)).stream(), q -> (int) hooks.count());
    }

    private List<Row> page(Pageable pageable) {
        var page = hooks.list(pageable);
        Set<Long> playbookIds = page.stream()
                .map(LaunchHook::getPlaybookId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        var names = jobs.playbookNames(playbookIds);
        return page.stream()
                .map(h -> new Row(
                        h,
                        h.getScheduleId() != null
                                ? "Schedule "
                                        + schedules
                                                .get(h.getScheduleId())
                                                .map(JobSchedule::getName)
                                                .orElse("(deleted)")
                                : names.getOrDefault(h.getPlaybookId(), "(deleted playbook)") + " on "
                                        + h.getTargets().size()
                                        + (h.getTargets().size() == 1 ? " server" : " servers")
                                        + (h.isCheckMode() ? ", check mode" : "")))
                .toList();
    }
}
