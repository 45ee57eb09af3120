package com.infraconsole.notification.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.ui.FieldErrors;
import com.infraconsole.job.JobSchedule;
import com.infraconsole.job.JobScheduleService;
import com.infraconsole.job.JobService;
import com.infraconsole.notification.HookService;
import com.infraconsole.playbook.PlaybookSource.PlaybookRef;
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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.data.domain.PageRequest;

/** A new launch hook: a schedule, or a playbook on servers; stays open with the input on any refusal. */
class HookDialog extends Dialog {

    static final String SCHEDULE = "A schedule";
    static final String PRESET = "A playbook on servers";
    final TextField name = new TextField("Name");
    final RadioButtonGroup<String> kind = new RadioButtonGroup<>("Launches");
    final ComboBox<JobSchedule> schedule = new ComboBox<>("Schedule");
    final ComboBox<PlaybookRef> playbook = new ComboBox<>("Playbook");
    final MultiSelectComboBox<Server> targets = new MultiSelectComboBox<>("Target servers");
    final TextArea extraVars = new TextArea("Extra vars");
    final Checkbox checkMode = new Checkbox("Check mode (dry run)");
    final IntegerField perMinute = new IntegerField("Calls per minute");
    final Span formError = new Span();

    HookDialog(
            JobService jobs,
            JobScheduleService schedules,
            ServerService servers,
            Consumer<HookService.NewHook> onSave) {
        setHeaderTitle("New launch hook");
        setWidth("min(40rem, 95vw)");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(120);
        kind.setItems(SCHEDULE, PRESET);
        kind.setValue(PRESET);
        schedule.setItems(q -> schedules.list(PageRequest.of(q.getPage(), q.getPageSize())).stream());
        schedule.setItemLabelGenerator(JobSchedule::getName);
        schedule.setHelperText("Runs as the schedule's owner, with the schedule's options");
        playbook.setItems(
                q -> jobs.playbooks(q.getFilter().orElse(""), PageRequest.of(q.getPage(), q.getPageSize())).stream());
        playbook.setItemLabelGenerator(PlaybookRef::name);
        targets.setItems(q -> servers
                .list(
                        new ServerFilter(q.getFilter().orElse(""), null, null),
                        PageRequest.of(q.getPage(), q.getPageSize()))
                .stream());
        targets.setItemLabelGenerator(s -> s.getHostname() + " (" + s.getIpAddress() + ")");
        targets.setPlaceholder("Search hostname or IP");
        extraVars.setHelperText("YAML or JSON; checked against your role now and the owner's role at every call");
        perMinute.setValue(10);
        perMinute.setMin(1);
        perMinute.setMax(600);
        perMinute.setHelperText("More calls in a minute are answered 429");
        kind.addValueChangeListener(e -> showKind());
        showKind();
        formError.getStyle().setColor("var(--lumo-error-text-color)");
        var form = new FormLayout(name, kind, schedule, playbook, targets, extraVars, checkMode, perMinute);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(formError, form);

        getFooter().add(new Button("Cancel", e -> close()));
        var save = new Button("Create", e -> {
            formError.setText("");
            for (HasValidation f : new HasValidation[] {name, schedule, playbook, targets, extraVars, perMinute}) {
                f.setInvalid(false);
            }
            boolean preset = PRESET.equals(kind.getValue());
            var request = new HookService.NewHook(
                    name.getValue(),
                    preset || schedule.getValue() == null
                            ? null
                            : schedule.getValue().getId(),
                    preset && playbook.getValue() != null ? playbook.getValue().id() : null,
                    preset ? targets.getValue().stream().map(Server::getId).toList() : List.of(),
                    preset ? extraVars.getValue() : null,
                    preset && checkMode.getValue(),
                    perMinute.getValue() == null ? 0 : perMinute.getValue());
            if (!preset && request.scheduleId() == null) {
                schedule.setErrorMessage("Choose a schedule");
                schedule.setInvalid(true);
                return;
            }
            try {
                onSave.accept(request);
                close();
            } catch (InvalidInputException ex) {
                var unplaced = FieldErrors.show(
                        ex.fieldErrors(),
                        Map.of(
                                "name",
                                name,
                                "schedule",
                                schedule,
                                "playbook",
                                playbook,
                                "targets",
                                targets,
                                "extraVars",
                                extraVars,
                                "ratePerMinute",
                                perMinute));
                formError.setText(String.join(" ", unplaced));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(save);
        addOpenedChangeListener(e -> name.focus());
    }

    private void showKind() {
        boolean preset = PRESET.equals(kind.getValue());
        schedule.setVisible(!preset);
        playbook.setVisible(preset);
        targets.setVisible(preset);
        extraVars.setVisible(preset);
        checkMode.setVisible(preset);
    }
}
