package com.infraconsole.playbook.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.infraconsole.KaribuTest;
import com.infraconsole.TestUsers;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookFilter;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

class PlaybooksViewTest extends KaribuTest {

    static final String YAML = "- hosts: web\n  tasks:\n    - name: ping\n      ansible.builtin.ping:\n";

    @Autowired
    PlaybookService service;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @SuppressWarnings("unchecked")
    private static Grid<Playbook> grid() {
        return _get(Grid.class);
    }

    private void search(String text) {
        _setValue(_get(TextField.class, s -> s.withPlaceholder("Name or description")), text);
    }

    @Test
    void operator_creates_a_playbook_and_sees_bad_yaml_at_the_editor_with_its_line() {
        signInAs(Role.OPERATOR);
        UI.getCurrent().navigate("playbooks");
        var name = "karibu-" + UUID.randomUUID().toString().substring(0, 8);
        _click(_get(Button.class, s -> s.withText("New playbook")));
        var dialog = _get(Dialog.class);
        _setValue(_get(dialog, TextField.class, s -> s.withLabel("Name")), name);
        var editor = _get(dialog, TextArea.class, s -> s.withLabel("YAML"));
        _setValue(editor, "hosts: web\n");
        _click(_get(dialog, Button.class, s -> s.withText("Save")));
        assertThat(editor.isInvalid()).isTrue();
        assertThat(editor.getErrorMessage()).startsWith("Line 1: a playbook must be a list of plays");
        assertThat(service.count(new PlaybookFilter(name))).isZero();

        _setValue(editor, YAML);
        _click(_get(dialog, Button.class, s -> s.withText("Save")));
        _assertNone(Dialog.class);
        search(name);
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid(), 0).getFirst()).isEqualTo(name);
    }

    @Test
    void a_stale_save_says_who_and_when_keeps_the_input_and_offers_to_reload() {
        var other = testUsers.create(Role.OPERATOR);
        var me = signInAs(Role.OPERATOR);
        var playbook = service.save(
                new Playbook("karibu-stale-" + UUID.randomUUID().toString().substring(0, 8), null, YAML));
        UI.getCurrent().navigate("playbooks");
        search(playbook.getName());
        GridKt._clickItem(grid(), 0, 0, false, false, false, false);
        TestUsers.signIn(other);
        var theirs = service.get(playbook.getId()).orElseThrow();
        theirs.setDescription("theirs");
        service.save(theirs);
        TestUsers.signIn(me);

        var dialog = _get(PlaybookDialog.class);
        var description = _get(dialog, TextArea.class, s -> s.withLabel("Description"));
        _setValue(description, "mine");
        _click(_get(dialog, Button.class, s -> s.withText("Save")));
        assertThat(dialog.isOpened()).isTrue();
        assertThat(_get(dialog, Span.class, s -> s.withClasses("form-error")).getText())
                .contains("was changed by " + other.getUsername() + " at ")
                .contains("still in the form");
        assertThat(description.getValue()).isEqualTo("mine");
        assertThat(service.get(playbook.getId()).orElseThrow().getDescription()).isEqualTo("theirs");

        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_get(_get(PlaybookDialog.class), TextArea.class, s -> s.withLabel("Description"))
                        .getValue())
                .isEqualTo("theirs");
    }

    @Test
    void history_shows_a_side_by_side_diff_of_the_last_two_versions() {
        var operator = testUsers.create(Role.OPERATOR);
        TestUsers.signIn(operator);
        var pb = service.save(
                new Playbook("karibu-hist-" + UUID.randomUUID().toString().substring(0, 8), null, YAML));
        pb.setContent(YAML.replace("ping\n", "pong\n"));
        service.save(pb);

        signInAs(operator);
        UI.getCurrent().navigate("playbooks");
        search(pb.getName());
        GridKt._clickItem(grid(), 0, 0, false, false, false, false);
        _click(_get(Button.class, s -> s.withText("History")));
        var removed = _find(Span.class, s -> s.withClasses("diff-removed"));
        var added = _find(Span.class, s -> s.withClasses("diff-added"));
        assertThat(removed).singleElement().extracting(Span::getText).asString().endsWith("name: ping");
        assertThat(added).singleElement().extracting(Span::getText).asString().endsWith("name: pong");
    }

    @Test
    void auditor_sees_playbooks_read_only_without_new_save_or_delete() {
        TestUsers.signIn(testUsers.create(Role.ADMIN));
        var pb = service.save(
                new Playbook("karibu-ro-" + UUID.randomUUID().toString().substring(0, 8), null, YAML));
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate("playbooks");
        _assertNone(Button.class, s -> s.withText("New playbook"));
        search(pb.getName());
        GridKt._clickItem(grid(), 0, 0, false, false, false, false);
        var dialog = _get(Dialog.class);
        _assertNone(dialog, Button.class, s -> s.withText("Save"));
        _assertNone(dialog, Button.class, s -> s.withText("Delete"));
        assertThat(_get(dialog, TextArea.class, s -> s.withLabel("YAML")).isReadOnly())
                .isTrue();
        assertThat(service.list(new PlaybookFilter(pb.getName()), PageRequest.of(0, 1)))
                .hasSize(1);
    }

    @Test
    void deleting_a_playbook_used_by_a_job_is_refused_with_a_message_and_it_stays() {
        var operator = signInAs(Role.OPERATOR);
        var pb = service.save(
                new Playbook("karibu-used-" + UUID.randomUUID().toString().substring(0, 8), null, YAML));
        var host = "karibu-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO servers (hostname, ip_address, environment_id) VALUES (?, '10.9.9.8', 1)", host);
        jdbc.update(
                "INSERT INTO jobs (job_id, playbook_id, server_id, user_id) VALUES (?, ?, "
                        + "(SELECT id FROM servers WHERE hostname = ?), ?)",
                UUID.randomUUID().toString(),
                pb.getId(),
                host,
                operator.getId());
        UI.getCurrent().navigate("playbooks");
        search(pb.getName());
        GridKt._clickItem(grid(), 0, 0, false, false, false, false);
        _click(_get(Button.class, s -> s.withText("Delete")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_find(Span.class, s -> s.withClasses("form-error")))
                .extracting(Span::getText)
                .contains("Playbook " + pb.getName()
                        + " is used by jobs or schedules and cannot be deleted; their history needs it.");
        assertThat(service.get(pb.getId())).isPresent();
    }
}
