package com.infraconsole.server.ui;

import com.infraconsole.base.ui.EditForm;
import com.infraconsole.base.ui.FieldErrors;
import com.infraconsole.base.ui.FieldLimits;
import com.infraconsole.credential.CredentialSummary;
import com.infraconsole.server.Environment;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerStatus;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import java.util.List;
import java.util.Map;

/** The fields of a server. Validation comes from the entity's constraints; the service checks again. */
class ServerForm extends Composite<FormLayout> implements EditForm<Server> {

    private final BeanValidationBinder<Server> binder = new BeanValidationBinder<>(Server.class);
    private final TextField hostname = new TextField("Hostname");
    private final TextField ipAddress = new TextField("IP address");
    private final IntegerField sshPort = new IntegerField("SSH port");
    private final TextField sshUser = new TextField("SSH user");
    private final TextField osType = new TextField("OS");
    private final ComboBox<Environment> environment = new ComboBox<>("Environment");
    private final Select<ServerStatus> status = new Select<>();
    private final TextField location = new TextField("Location");
    private final TextArea description = new TextArea("Description");
    final ComboBox<CredentialSummary> credential = new ComboBox<>("Login credential");

    ServerForm(List<Environment> environments, List<CredentialSummary> credentials) {
        hostname.setPlaceholder("web-01.example.com");
        hostname.setRequiredIndicatorVisible(true);
        hostname.setMaxLength(FieldLimits.maxLength(Server.class, "hostname"));
        ipAddress.setPlaceholder("10.0.0.12 or 2001:db8::12");
        ipAddress.setRequiredIndicatorVisible(true);
        sshUser.setRequiredIndicatorVisible(true);
        ipAddress.setMaxLength(FieldLimits.maxLength(Server.class, "ipAddress"));
        sshPort.setMin(1);
        sshPort.setMax(65535);
        sshPort.setStepButtonsVisible(true);
        // The field checks these itself before the binder does; without texts it turns red in silence.
        var portRange = "Port must be between 1 and 65535";
        sshPort.setI18n(new IntegerField.IntegerFieldI18n()
                .setBadInputErrorMessage("Enter a port number like 22")
                .setMinErrorMessage(portRange)
                .setMaxErrorMessage(portRange));
        sshUser.setMaxLength(FieldLimits.maxLength(Server.class, "sshUser"));
        osType.setPlaceholder("Debian 12");
        osType.setMaxLength(FieldLimits.maxLength(Server.class, "osType"));
        environment.setItems(environments);
        environment.setItemLabelGenerator(Environment::getName);
        status.setLabel("Status");
        status.setItems(ServerStatus.values());
        status.setItemLabelGenerator(ServerStatus::label);
        location.setPlaceholder("Rack B4, Frankfurt DC");
        location.setMaxLength(FieldLimits.maxLength(Server.class, "location"));
        description.setMaxLength(FieldLimits.maxLength(Server.class, "description"));

        credential.setItems(credentials);
        credential.setItemLabelGenerator(CredentialSummary::label);
        credential.setClearButtonVisible(true);
        credential.setHelperText("Empty: the environment's credential, if it has one");
        binder.forField(credential)
                .bind(
                        s -> credentials.stream()
                                .filter(c -> c.id().equals(s.getCredentialId()))
                                .findFirst()
                                .orElse(null),
                        (s, c) -> s.setCredentialId(c == null ? null : c.id()));
        binder.bindInstanceFields(this);
        var form = getContent();
        form.add(hostname, ipAddress, sshPort, sshUser, osType, environment, status, location, credential);
        form.add(description, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
    }

    void edit(Server server) {
        binder.setBean(server);
    }

    @Override
    public boolean isValid() {
        return binder.validate().isOk();
    }

    @Override
    public Server bean() {
        return binder.getBean();
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        FieldErrors.show(
                errors,
                Map.of(
                        "hostname",
                        hostname,
                        "ipAddress",
                        ipAddress,
                        "sshPort",
                        sshPort,
                        "credentialId",
                        credential,
                        "sshUser",
                        sshUser,
                        "osType",
                        osType,
                        "environment",
                        environment,
                        "status",
                        status,
                        "location",
                        location,
                        "description",
                        description));
    }

    void focus() {
        hostname.focus();
    }
}
