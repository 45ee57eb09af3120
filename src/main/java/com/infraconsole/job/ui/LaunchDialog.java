package com.infraconsole.job.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.ui.FieldErrors;
import com.infraconsole.credential.CredentialSummary;
import com.infraconsole.job.JobService;
import com.infraconsole.job.LaunchRequest;
import com.infraconsole.playbook.PlaybookSource.PlaybookRef;
import com.infraconsole.server.Environment;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerFilter;
import com.infraconsole.server.ServerService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.springframework.data.domain.PageRequest;

/**
 * Launch a playbook: targets are picked by search, narrowed by environment, or all servers of
 * an environment at once. The service validates everything (extra vars too) and the dialog
 * shows its messages at the fields.
 */
class LaunchDialog extends Dialog {

    private final ComboBox<PlaybookRef> playbook = new ComboBox<>("Playbook");
    private final Select<Environment> environment = new Select<>();
    private final MultiSelectComboBox<Server> targets = new MultiSelectComboBox<>("Target servers");
    private final MultiSelectComboBox<CredentialSummary> credentials = new MultiSelectComboBox<>("Credentials");
    private final TextArea extraVars = new TextArea("Extra vars (YAML or JSON)");
    private final Checkbox checkMode = new Checkbox("Check mode (dry run: --check)");
    private final Select<Integer> verbosity = new Select<>();
    private final IntegerField timeout = new IntegerField("Timeout (minutes)");
    private final Checkbox ticket = new Checkbox("Open a ticket if the job fails");
    private final Span formError = new Span();
    private final TextField name = new TextField("Schedule name");
    private final TextField cron = new TextField("Cron (Quartz: seconds first)");
    private final TextField timeZone = new TextField("Time zone");

    /** What the dialog's main button does with the request; for schedules also name, cron and zone. */
    interface Submit {
        void accept(LaunchRequest request, String name, String cron, String timeZone);
    }

    LaunchDialog(JobService jobs, ServerService servers, LongConsumer onLaunched) {
        this(jobs, servers, false, (request, n, c, z) -> onLaunched.accept(jobs.launch(request)));
    }

    LaunchDialog(JobService jobs, ServerService servers, boolean schedule, Submit submit) {
        setHeaderTitle(schedule ? "New schedule" : "Launch job");
        setWidth("min(46rem, 95vw)");
        playbook.setItems(
                q -> jobs.playbooks(q.getFilter().orElse(""), PageRequest.of(q.getPage(), q.getPageSize())).stream());
        playbook.setItemLabelGenerator(PlaybookRef::name);
        playbook.setRequired(true);
        environment.setLabel("Environment");
        environment.setEmptySelectionAllowed(true);
        environment.setEmptySelectionCaption("All environments");
        environment.setItems(servers.environments());
        environment.setItemLabelGenerator(e -> e == null ? "All environments" : e.getName());
        targets.setItems(q -> servers
                .list(
                        new ServerFilter(
                                q.getFilter().orElse(""),
                                environment.getValue() == null
                                        ? null
                                        : environment.getValue().getId(),
                                null),
                        PageRequest.of(q.getPage(), q.getPageSize()))
                .stream());
        targets.setItemLabelGenerator(s -> s.getHostname() + " (" + s.getIpAddress() + ")");
        targets.setPlaceholder("Search hostname or IP");
        var addAll = new Button("Add all in environment", e -> addAll(servers));
        addAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        environment.addValueChangeListener(e -> addAll.setEnabled(e.getValue() != null));
        addAll.setEnabled(false);
        credentials.setItems(schedule ? List.of() : jobs.credentialChoices());
        credentials.setItemLabelGenerator(CredentialSummary::label);
        credentials.setHelperText("An SSH key or password here replaces the servers' own; add a become or vault"
                + " password if the playbook needs one. Secrets stay hidden, also in the log.");
        credentials.setVisible(!schedule); // a schedule runs with the servers' and environments' defaults
        extraVars.setPlaceholder("version: \"1.4.2\"\nrestart: true");
        extraVars.addClassName("mono");
        extraVars.setMinHeight("6rem");
        verbosity.setLabel("Verbosity");
        verbosity.setItems(0, 1, 2, 3, 4);
        verbosity.setItemLabelGenerator(v -> v == 0 ? "Normal" : "-" + "v".repeat(v));
        verbosity.setValue(0);
        timeout.setHelperText("Empty: the console's default");
        timeout.setMin(1);
        formError.getStyle().setColor("var(--lumo-error-text-color)");

        var form = new FormLayout();
        if (schedule) {
            cron.setPlaceholder("0 30 2 * * ?");
            cron.setHelperText("0 30 2 * * ? = 02:30 every day; 0 0/15 * * * ? = every 15 minutes");
            timeZone.setValue("UTC");
            form.add(name, timeZone, cron);
            form.setColspan(cron, 2);
            timeout.setVisible(false);
        }
        form.add(playbook, environment, targets, addAll, credentials, extraVars, checkMode, ticket, verbosity, timeout);
        form.setColspan(targets, 2);
        form.setColspan(credentials, 2);
        form.setColspan(extraVars, 2);
        add(formError, form);

        var launch = new Button(schedule ? "Create schedule" : "Launch", e -> launch(submit));
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), launch);
    }

    /** Adds the environment's servers up to what one job takes, and says so when there are more. */
    private void addAll(ServerService servers) {
        var env = environment.getValue();
        var all = new LinkedHashSet<>(targets.getValue());
        var filter = new ServerFilter(null, env.getId(), null);
        all.addAll(servers.list(filter, PageRequest.of(0, JobService.MAX_TARGETS)));
        targets.setValue(all);
        long inEnvironment = servers.count(filter);
        if (inEnvironment > JobService.MAX_TARGETS) {
            targets.setHelperText(String.format(
                    "Added the first %,d of the %,d servers in %s: a job takes at most %,d."
                            + " Narrow the search or split the run.",
                    JobService.MAX_TARGETS, inEnvironment, env.getName(), JobService.MAX_TARGETS));
        } else {
            targets.setHelperText(null);
        }
    }

    private void launch(Submit submit) {
        clearErrors();
        var request = new LaunchRequest(
                        playbook.getValue() == null ? null : playbook.getValue().id(),
                        targets.getValue().stream().map(Server::getId).toList(),
                        extraVars.getValue(),
                        checkMode.getValue(),
                        verbosity.getValue() == null ? 0 : verbosity.getValue(),
                        timeout.getValue() == null ? null : timeout.getValue() * 60,
                        ticket.getValue())
                .withCredentials(credentials.getValue().stream()
                        .map(CredentialSummary::id)
                        .toList());
        try {
            submit.accept(request, name.getValue(), cron.getValue(), timeZone.getValue());
            close();
        } catch (InvalidInputException ex) {
            showErrors(ex.fieldErrors());
        }
    }

    private void showErrors(Map<String, String> errors) {
        var unplaced = FieldErrors.show(
                errors,
                Map.of(
                        "playbook",
                        playbook,
                        "targets",
                        targets,
                        "extraVars",
                        extraVars,
                        "verbosity",
                        verbosity,
                        "timeout",
                        timeout,
                        "name",
                        name,
                        "cron",
                        cron,
                        "timeZone",
                        timeZone,
                        "credentials",
                        credentials));
        if (!unplaced.isEmpty()) {
            formError.setText(String.join(" ", unplaced));
        }
    }

    private void clearErrors() {
        formError.setText("");
        for (HasValidation f :
                new HasValidation[] {playbook, targets, credentials, extraVars, verbosity, timeout, name, cron, timeZone
                }) {
            f.setInvalid(false);
        }
    }
}
