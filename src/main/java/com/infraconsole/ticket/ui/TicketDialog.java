package com.infraconsole.ticket.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.Badges;
import com.infraconsole.base.ui.EditForm;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.base.ui.StaleEditPrompt;
import com.infraconsole.server.ServerService;
import com.infraconsole.ticket.Ticket;
import com.infraconsole.ticket.TicketService;
import com.infraconsole.ticket.TicketStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.function.Consumer;

/**
 * One ticket: its fields, its place in the workflow and its comments. The dialog stays open
 * with the user's input on any refusal; status changes act on the version the user sees.
 */
class TicketDialog extends Dialog {

    private final TicketService service;
    private final TicketForm form;
    private final Span formError = new Span();
    private final Runnable onReload;

    TicketDialog(
            Ticket ticket,
            TicketService service,
            ServerService servers,
            boolean canEdit,
            Consumer<Ticket> onSave,
            Runnable onReload) {
        this.service = service;
        this.onReload = onReload;
        setHeaderTitle(ticket.isNew() ? "New ticket" : "#" + ticket.getId() + " " + ticket.getTitle());
        setWidth("min(52rem, 96vw)");
        form = new TicketForm(service, servers);
        form.edit(ticket);
        formError.addClassName("form-error");
        formError.getStyle().setColor("var(--lumo-error-text-color)");
        add(formError);
        if (!ticket.isNew()) {
            add(workflow(ticket, canEdit));
        }
        add(form);
        if (!ticket.isNew()) {
            add(new CommentsPanel(service, ticket.getId(), canEdit));
        }

        getFooter().add(new Button(canEdit ? "Cancel" : "Close", e -> close()));
        if (!canEdit) {
            form.setReadOnly(true);
            return;
        }
        var save = new Button(
                ticket.isNew() ? "Create" : "Save", e -> EditForm.save(this, form, formError, onSave, onReload));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(save);
        addOpenedChangeListener(e -> form.focus());
    }

    private Div workflow(Ticket ticket, boolean canEdit) {
        var facts = new Span(facts(ticket));
        facts.addClassName("muted");
        var bar = new Div(Badges.badge(ticket.getStatus().label(), TicketsView.tone(ticket.getStatus())), facts);
        bar.addClassName("toolbar");
        bar.getStyle().set("align-items", "center");
        if (canEdit) {
            for (var target : TicketStatus.values()) {
                if (ticket.getStatus().canMoveTo(target)) {
                    var button = new Button(action(target), e -> changeStatus(ticket, target));
                    button.addThemeVariants(
                            target == TicketStatus.OPEN ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_CONTRAST);
                    bar.add(button);
                }
            }
        }
        return bar;
    }

    private void changeStatus(Ticket ticket, TicketStatus target) {
        if (form.isDirty()) {
            formError.setText("Save or cancel your changes to the fields before changing the status.");
            return;
        }
        try {
            service.changeStatus(ticket.getId(), ticket.getVersion(), target);
            Notifications.success(
                    "#" + ticket.getId() + " is now " + target.label().toLowerCase());
            close();
            onReload.run();
        } catch (InvalidInputException ex) {
            formError.setText(ex.getMessage());
        } catch (StaleDataException ex) {
            StaleEditPrompt.show(this, formError, ex, onReload);
        }
    }

    private static String facts(Ticket t) {
        var text = new StringBuilder("Reported by ")
                .append(t.getReporter() == null ? "unknown" : t.getReporter().getUsername())
                .append(" on ")
                .append(UtcTime.format(t.getCreatedAt()));
        if (t.getResolvedAt() != null) {
            text.append(" · resolved ").append(UtcTime.format(t.getResolvedAt()));
        }
        return text.toString();
    }

    private static String action(TicketStatus target) {
        return switch (target) {
            case IN_PROGRESS -> "Start work";
            case RESOLVED -> "Resolve";
            case CLOSED -> "Close ticket";
            case OPEN -> "Reopen";
        };
    }
}
