package com.infraconsole.ticket.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.infraconsole.KaribuTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.ticket.Ticket;
import com.infraconsole.ticket.TicketFilter;
import com.infraconsole.ticket.TicketPriority;
import com.infraconsole.ticket.TicketService;
import com.infraconsole.ticket.TicketStatus;
import com.infraconsole.user.User;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

class TicketsViewTest extends KaribuTest {

    @Autowired
    TicketService service;

    @SuppressWarnings("unchecked")
    private static Grid<Ticket> grid() {
        return _get(Grid.class);
    }

    private static void search(String text) {
        _setValue(_get(TextField.class, s -> s.withPlaceholder("Title, description or #number")), text);
    }

    private static void openFirstRow() {
        GridKt._clickItem(grid(), 0, 0, false, false, false, false);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void operator_creates_an_assigned_ticket_and_finds_it_with_assigned_to_me() {
        var me = signInAs(Role.OPERATOR);
        UI.getCurrent().navigate("tickets");
        var title = unique("karibu disk full");
        _click(_get(Button.class, s -> s.withText("New ticket")));
        var dialog = _get(Dialog.class);
        _click(_get(dialog, Button.class, s -> s.withText("Create")));
        var titleField = _get(dialog, TextField.class, s -> s.withLabel("Title"));
        assertThat(titleField.isInvalid()).isTrue();
        assertThat(titleField.getErrorMessage()).isEqualTo("Title is required");

        _setValue(titleField, title);
        _setValue(_get(dialog, TextField.class, s -> s.withLabel("Job")), "not a number");
        _click(_get(dialog, Button.class, s -> s.withText("Create")));
        assertThat(_get(dialog, TextField.class, s -> s.withLabel("Job")).getErrorMessage())
                .isEqualTo("Enter a job number like 42");
        _setValue(_get(dialog, TextField.class, s -> s.withLabel("Job")), "");
        _setValue(
                (Select<TicketPriority>) _get(dialog, Select.class, s -> s.withLabel("Priority")),
                TicketPriority.CRITICAL);
        var assignee = (ComboBox<User>) _get(dialog, ComboBox.class, s -> s.withLabel("Assignee"));
        ComboBoxKt.selectByLabel(assignee, me.getUsername());
        _click(_get(dialog, Button.class, s -> s.withText("Create")));
        _assertNone(Dialog.class);

        _setValue(_get(Checkbox.class, s -> s.withLabel("Assigned to me")), true);
        search(title);
        assertThat(GridKt._size(grid())).isEqualTo(1);
        var row = GridKt._getFormattedRow(grid(), 0);
        assertThat(row).contains(title, me.getUsername());
    }

    @Test
    void operator_moves_a_ticket_along_the_workflow_and_comments_on_it() {
        var operator = testUsers.create(Role.OPERATOR);
        TestUsers.signIn(operator);
        var ticket = service.save(new Ticket(unique("karibu flow"), TicketPriority.HIGH));
        signInAs(operator);
        UI.getCurrent().navigate("tickets");
        search(ticket.getTitle());
        openFirstRow();
        _click(_get(Button.class, s -> s.withText("Start work")));
        // The dialog reopens on the new version with the next step offered.
        _assertOne(Button.class, s -> s.withText("Resolve"));
        _assertNone(Button.class, s -> s.withText("Start work"));
        assertThat(service.get(ticket.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);

        var comment = _get(TextArea.class, s -> s.withPlaceholder("Add a comment"));
        _click(_get(Button.class, s -> s.withText("Add comment")));
        assertThat(comment.getErrorMessage()).isEqualTo("Write a comment first");
        _setValue(comment, "Cleaned /var/log, 40% free now");
        _click(_get(Button.class, s -> s.withText("Add comment")));
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains("Cleaned /var/log, 40% free now");
        assertThat(service.comments(ticket.getId())).hasSize(1);

        // A status change with unsaved edits in the fields is refused instead of losing them.
        _setValue(_get(TextField.class, s -> s.withLabel("Title")), "edited but not saved");
        _click(_get(Button.class, s -> s.withText("Resolve")));
        assertThat(_find(Span.class, s -> s.withClasses("form-error")))
                .extracting(Span::getText)
                .contains("Save or cancel your changes to the fields before changing the status.");
        assertThat(service.get(ticket.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void a_stale_save_says_who_saved_first_and_keeps_the_input() {
        var operator = signInAs(Role.OPERATOR);
        var ticket = service.save(new Ticket(unique("karibu stale"), TicketPriority.LOW));
        UI.getCurrent().navigate("tickets");
        search(ticket.getTitle());
        openFirstRow();
        var other = service.get(ticket.getId()).orElseThrow();
        other.setDescription("saved by someone else");
        service.save(other);

        var title = _get(TextField.class, s -> s.withLabel("Title"));
        _setValue(title, "my title");
        _click(_get(Button.class, s -> s.withText("Save")));
        assertThat(_find(Span.class, s -> s.withClasses("form-error")))
                .extracting(Span::getText)
                .anyMatch(t -> t.contains("was changed by " + operator.getUsername()));
        assertThat(title.getValue()).isEqualTo("my title");
        assertThat(service.get(ticket.getId()).orElseThrow().getTitle()).isEqualTo(ticket.getTitle());
    }

    @Test
    void a_stale_status_change_says_who_and_when_and_offers_to_reload() {
        var other = testUsers.create(Role.OPERATOR);
        var me = signInAs(Role.OPERATOR);
        var ticket = service.save(new Ticket(unique("karibu stale status"), TicketPriority.LOW));
        UI.getCurrent().navigate("tickets");
        search(ticket.getTitle());
        openFirstRow();
        TestUsers.signIn(other);
        var theirs = service.get(ticket.getId()).orElseThrow();
        theirs.setDescription("saved by someone else");
        service.save(theirs);
        TestUsers.signIn(me);

        _click(_get(Button.class, s -> s.withText("Start work")));
        assertThat(_find(Span.class, s -> s.withClasses("form-error")))
                .extracting(Span::getText)
                .anyMatch(t -> t.contains("was changed by " + other.getUsername() + " at "));
        assertThat(service.get(ticket.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.OPEN);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_get(TextArea.class, s -> s.withLabel("Description")).getValue())
                .isEqualTo("saved by someone else");
        _click(_get(Button.class, s -> s.withText("Start work")));
        assertThat(service.get(ticket.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void auditor_sees_tickets_and_comments_but_no_way_to_change_them() {
        TestUsers.signIn(testUsers.create(Role.ADMIN));
        var ticket = service.save(new Ticket(unique("karibu ro"), TicketPriority.MEDIUM));
        service.addComment(ticket.getId(), "visible to auditors");
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate("tickets");
        _assertNone(Button.class, s -> s.withText("New ticket"));
        search(ticket.getTitle());
        openFirstRow();
        _assertNone(Button.class, s -> s.withText("Save"));
        _assertNone(Button.class, s -> s.withText("Start work"));
        _assertNone(Button.class, s -> s.withText("Add comment"));
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains("visible to auditors");
        assertThat(_get(TextField.class, s -> s.withLabel("Title")).isReadOnly())
                .isTrue();
        assertThat(service.list(new TicketFilter(ticket.getTitle(), null, null, null, false), PageRequest.of(0, 1)))
                .hasSize(1);
    }
}
