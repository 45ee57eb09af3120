package com.infraconsole.job.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.ui.Downloads;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.job.JobDetails;
import com.infraconsole.job.JobEvents;
import com.infraconsole.job.JobService;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** One job, live: status, timings, targets, PLAY RECAP and the output as it arrives. */
@Route("jobs/:id")
@PageTitle("Job")
@RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME})
class JobView extends VerticalLayout implements BeforeEnterObserver {

    private static final String[] RECAP = {"ok", "changed", "unreachable", "failed", "skipped", "rescued", "ignored"};
    private final JobService jobs;
    private final JobEvents events;
    private final Clock clock;
    private final AtomicReference<JobEvents.Change> pending = new AtomicReference<>();
    private final Div header = new Div();
    private final Div facts = new Div();
    private final Grid<Map.Entry<String, Map<String, Integer>>> recap = new Grid<>();
    private long jobId;
    private JobDetails details;
    private LogPanel log;
    private Runnable unwatch;

    JobView(JobService jobs, JobEvents events, Clock clock) {
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
        setSizeFull();
        header.addClassName("toolbar");
        facts.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(13rem, 1fr))")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-l)")
                .set("width", "100%");
        recap.addColumn(Map.Entry::getKey).setHeader("Host").setFlexGrow(2);
        for (var counter : RECAP) {
            recap.addColumn(e -> e.getValue().getOrDefault(counter, 0))
                    .setHeader(counter)
                    .setAutoWidth(true);
        }
        recap.addThemeVariants(GridVariant.LUMO_COMPACT);
        recap.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        jobId = event.getRouteParameters().getLong("id").orElse(-1L);
        details = jobs.get(jobId).orElse(null);
        removeAll();
        if (details == null) {
            add(new H2("Job " + jobId + " does not exist"));
            return;
        }
        log = new LogPanel(jobs, jobId);
        render();
        add(header, facts, recap, log);
    }

    private void render() {
        var job = details.job();
        header.removeAll();
        var title = new H2("Job #" + job.getId() + " · " + details.playbookName());
        title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
        header.add(title, JobBadges.status(job.getStatus()));
        var spacer = new Div();
        spacer.addClassName("grow");
        header.add(spacer);
        var download = new Anchor(
                (DownloadEvent e) -> Downloads.limited(e, () -> {
                    e.setFileName("job-" + job.getId() + ".log");
                    e.setContentType("text/plain; charset=utf-8");
                    var out = e.getOutputStream();
                    jobs.writeLog(job.getId(), out);
                    out.close();
                }),
                "Download full log");
        download.getElement().setAttribute("download", true);
        header.add(download);
        boolean canAct = CurrentUser.hasRole(Role.ADMIN) || CurrentUser.hasRole(Role.OPERATOR);
        if (canAct && !job.getStatus().isFinished()) {
            var cancel = new Button("Cancel job", new Icon(VaadinIcon.STOP), e -> confirmCancel());
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            cancel.setDisableOnClick(true);
            header.add(cancel);
        }
        facts.removeAll();
        // The version the job runs: later edits of the playbook do not change it.
        var playbook = fact(
                "Playbook",
                details.playbookName()
                        + (job.getPlaybookVersion() == null ? "" : ", version " + job.getPlaybookVersion()));
        var history = new Anchor("playbooks?history=" + job.getPlaybookId(), "history");
        history.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
        playbook.getStyle().set("grid-column", "span 2");
        playbook.getChildren()
                .skip(1)
                .findFirst()
                .ifPresent(value -> value.getElement().appendChild(history.getElement()));
        fact("Created", JobBadges.when(job.getCreatedAt()) + " by " + details.username());
        fact("Started", JobBadges.when(job.getStartedAt()));
        fact("Ended", JobBadges.when(job.getCompletedAt()));
        fact("Duration", JobBadges.duration(job.getStartedAt(), job.getCompletedAt(), clock.instant()));
        fact(
                "Targets",
                String.join(
                        ", ",
                        details.targets().stream()
                                .map(t -> t.hostname() + (t.local() ? " (local)" : ""))
                                .toList()));
        fact(
                "Options",
                (job.isCheckMode() ? "check mode, " : "") + "verbosity " + job.getVerbosity()
                        + (job.getTimeoutSeconds() == null ? "" : ", timeout " + job.getTimeoutSeconds() + " s"));
        fact("Node", job.getNodeId() == null ? "" : job.getNodeId());
        fact("Exit code", job.getExitCode() == null ? "" : String.valueOf(job.getExitCode()));
        if (job.getExtraVars() != null) {
            var vars = fact("Extra vars", details.maskedExtraVars());
            vars.getStyle().set("grid-column", "1 / -1");
            vars.getChildren().skip(1).findFirst().ifPresent(value -> {
                value.getElement().getClassList().add("mono");
                value.getElement().getStyle().set("white-space", "pre-wrap");
            });
        }
        if (job.getErrorMessage() != null) {
            var error = fact("Result", job.getErrorMessage());
            error.getStyle().set("grid-column", "1 / -1").setColor("var(--lumo-error-text-color)");
        }
        recap.setItems(details.recap().entrySet());
        recap.setVisible(!details.recap().isEmpty());
    }

    private Div fact(String label, String value) {
        var l = new Span(label);
        l.addClassName("muted");
        var v = new Span(value == null || value.isBlank() ? "—" : value);
        var d = new Div(l, new Div(v));
        facts.add(d);
        return d;
    }

    private void confirmCancel() {
        var dialog = new ConfirmDialog(
                "Cancel job #" + jobId + "?",
                "ansible-playbook and everything it started will be stopped. Tasks already done stay done.",
                "Cancel job",
                e -> {
                    try {
                        jobs.cancel(jobId);
                        Notifications.success("Cancel requested for job #" + jobId);
                    } catch (InvalidInputException ex) {
                        Notifications.error(ex.getMessage());
                    }
                    reload();
                });
        dialog.setCancelable(true);
        dialog.setCancelText("Keep running");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addCancelListener(e -> reload());
        dialog.open();
    }

    private void reload() {
        jobs.get(jobId).ifPresent(d -> {
            details = d;
            render();
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (details == null) {
            return;
        }
        var ui = event.getUI();
        // Changes arrive on writer threads; coalesce them so a busy job costs one push per batch.
        unwatch = events.watch(jobId, change -> {
            if (pending.getAndSet(change) == null) {
                ui.access(() -> apply(ui));
            }
        });
    }

    private void apply(UI ui) {
        var change = pending.getAndSet(null);
        if (change == null || log == null) {
            return;
        }
        log.linesAvailable(change.lineCount());
        if (change.status() != null && change.status() != details.job().getStatus()) {
            reload();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unwatch != null) {
            unwatch.run();
            unwatch = null;
        }
    }
}
