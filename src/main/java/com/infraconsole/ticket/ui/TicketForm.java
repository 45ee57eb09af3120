package com.infraconsole.ticket.ui;

import com.infraconsole.base.ui.EditForm;
import com.infraconsole.base.ui.FieldErrors;
import com.infraconsole.base.ui.FieldLimits;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerFilter;
import com.infraconsole.server.ServerService;
import com.infraconsole.ticket.Ticket;
import com.infraconsole.ticket.TicketPriority;
import com.infraconsole.ticket.TicketService;
import com.infraconsole.user.User;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.converter.StringToLongConverter;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The editable fields of a ticket. Status, reporter and dates are shown by the dialog, not edited here. */
class TicketForm extends Composite<FormLayout> implements EditForm<Ticket> {

    private final BeanValidationBinder<Ticket> binder = new BeanValidationBinder<>(Ticket.class);
    private final TextField title = new TextField("Title");
    private final Select<TicketPriority> priority = new Select<>();
    private final ComboBox<User> assignee = new ComboBox<>("Assignee");
    private final ComboBox<Server> server = new ComboBox<>("Server");
    private final TextField jobId = new TextField("Job");
    private final TextArea description = new TextArea("Description");
    private boolean dirty;

    TicketForm(TicketService tickets, ServerService servers) {
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(FieldLimits.maxLength(Ticket.class, "title"));
        title.setPlaceholder("Disk almost full on db-01");
        priority.setLabel("Priority");
        priority.setItems(TicketPriority.values());
        priority.setItemLabelGenerator(TicketPriority::label);
        assignee.setItemLabelGenerator(User::getUsername);
        assignee.setClearButtonVisible(true);
        assignee.setPlaceholder("Nobody yet");
        // Lazy like the server picker: only active accounts are offered, searched in SQL. An inactive
        // assignee of an old ticket is still shown, as the value, without being offered.
        assignee.setItems(query -> tickets
                .assignableUsers(
                        query.getFilter().orElse(""),
                        PageRequest.of(query.getPage(), query.getPageSize(), Sort.by("username")))
                .stream());
        server.setItemLabelGenerator(Server::getHostname);
        server.setClearButtonVisible(true);
        server.setPlaceholder("Search by hostname");
        // Lazy: the inventory can be large; the hostname search runs in SQL.
        server.setItems(query -> servers
                .list(
                        new ServerFilter(query.getFilter().orElse(""), null, null),
                        PageRequest.of(query.getPage(), query.getPageSize(), Sort.by("hostname")))
                .stream());
        jobId.setPlaceholder("Job number, optional");
        jobId.setMaxLength(19);
        description.setMaxLength(FieldLimits.maxLength(Ticket.class, "description"));
        description.setMinHeight("7rem");

        binder.forField(jobId)
                .withNullRepresentation("")
                .withConverter(new StringToLongConverter("Enter a job number like 42"))
                .bind("jobId");
        binder.bindInstanceFields(this);
        binder.addValueChangeListener(e -> dirty = true);
        var form = getContent();
        form.add(title, 2);
        form.add(priority, assignee, server, jobId);
        form.add(description, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
    }

    void edit(Ticket ticket) {
        binder.setBean(ticket);
        dirty = false;
    }

    void setReadOnly(boolean readOnly) {
        binder.setReadOnly(readOnly);
    }

    /** The user changed a field since the ticket was loaded. */
    boolean isDirty() {
        return dirty;
    }

    @Override
    public boolean isValid() {
        return binder.validate().isOk();
    }

    @Override
    public Ticket bean() {
        return binder.getBean();
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        FieldErrors.show(
                errors,
                Map.of(
                        "title",
                        title,
                        "priority",
                        priority,
                        "assignee",
                        assignee,
                        "server",
                        server,
                        "jobId",
                        jobId,
                        "description",
                        description));
    }

    void focus() {
        title.focus();
    }
}
