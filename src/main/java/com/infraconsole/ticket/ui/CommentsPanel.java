package com.infraconsole.ticket.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.FieldLimits;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.ticket.TicketComment;
import com.infraconsole.ticket.TicketService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;

/** A ticket's comments, oldest first, with a box to add one for those who may. */
class CommentsPanel extends Div {

    private final TicketService service;
    private final long ticketId;
    private final Div list = new Div();
    private final TextArea body = new TextArea();

    CommentsPanel(TicketService service, long ticketId, boolean canComment) {
        this.service = service;
        this.ticketId = ticketId;
        addClassName("ticket-comments");
        add(new H3("Comments"), list);
        list.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        show();
        if (canComment) {
            body.setPlaceholder("Add a comment");
            body.setAriaLabel("New comment");
            body.setMaxLength(FieldLimits.maxLength(TicketComment.class, "body"));
            body.setWidthFull();
            var add = new Button("Add comment", e -> addComment());
            add(body, add);
        }
    }

    private void show() {
        list.removeAll();
        var comments = service.comments(ticketId);
        if (comments.isEmpty()) {
            var none = new Span("No comments yet.");
            none.addClassName("muted");
            list.add(none);
        }
        comments.forEach(c -> list.add(item(c)));
    }

    private static Div item(TicketComment c) {
        var who = new Span(c.getAuthorUsername() + " · " + UtcTime.format(c.getCreatedAt()));
        who.addClassName("muted");
        var text = new Paragraph(c.getBody());
        text.getStyle().set("white-space", "pre-wrap").set("margin", "0.2em 0 0");
        var item = new Div(who, text);
        item.addClassName("ticket-comment");
        item.getStyle()
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-left", "3px solid var(--lumo-contrast-20pct)");
        return item;
    }

    private void addComment() {
        try {
            service.addComment(ticketId, body.getValue());
            body.clear();
            body.setInvalid(false);
            show();
        } catch (InvalidInputException e) {
            body.setErrorMessage(e.getMessage());
            body.setInvalid(true);
        } catch (StaleDataException e) {
            Notifications.error(e.getMessage());
        }
    }
}
