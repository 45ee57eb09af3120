package com.infraconsole.server.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.infraconsole.KaribuTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.server.Environment;
import com.infraconsole.server.EnvironmentService;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EnvironmentsViewTest extends KaribuTest {

    @Autowired
    EnvironmentService environments;

    @Autowired
    ServerService servers;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void admin_creates_an_environment_from_the_screen() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(EnvironmentsView.class);
        var view = _get(EnvironmentsView.class);
        var before = _size(view.grid);
        _click(_get(Button.class, spec -> spec.withText("New environment")));
        var dialog = _get(EnvironmentDialog.class);
        var name = unique("karibu");
        _setValue(dialog.name, name);
        _setValue(dialog.description, "Made by a browserless test");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(dialog.isOpened()).isFalse();
        assertThat(_size(view.grid)).isEqualTo(before + 1);
        assertThat(environments.all()).extracting(Environment::getName).contains(name);
    }

    @Test
    void a_duplicate_name_is_shown_at_the_field_and_the_dialog_keeps_the_input() {
        signInAs(Role.ADMIN);
        var existing = environments.save(new Environment(unique("taken"), null));
        UI.getCurrent().navigate(EnvironmentsView.class);
        _click(_get(Button.class, spec -> spec.withText("New environment")));
        var dialog = _get(EnvironmentDialog.class);
        _setValue(dialog.name, existing.getName());
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).contains("already exists");
        assertThat(dialog.name.getValue()).isEqualTo(existing.getName());
    }

    @Test
    void a_stale_save_says_who_and_when_keeps_the_input_and_offers_to_reload() {
        var other = testUsers.create(Role.ADMIN);
        var me = signInAs(Role.ADMIN);
        var env = environments.save(new Environment(unique("stale"), "first"));
        UI.getCurrent().navigate(EnvironmentsView.class);
        _get(EnvironmentsView.class).open(environments.get(env.getId()).orElseThrow(), 0);
        TestUsers.signIn(other);
        var theirs = environments.get(env.getId()).orElseThrow();
        theirs.setDescription("theirs");
        environments.save(theirs);
        TestUsers.signIn(me);

        var dialog = _get(EnvironmentDialog.class);
        _setValue(dialog.description, "mine");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.formError.getText())
                .contains("was changed by " + other.getUsername() + " at ")
                .contains("still in the form");
        assertThat(dialog.description.getValue()).isEqualTo("mine");
        assertThat(environments.get(env.getId()).orElseThrow().getDescription()).isEqualTo("theirs");

        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_get(EnvironmentDialog.class).description.getValue()).isEqualTo("theirs");
    }

    @Test
    void deleting_an_environment_in_use_is_refused_with_the_server_count() {
        signInAs(Role.ADMIN);
        var env = environments.save(new Environment(unique("busy"), null));
        var server = new Server();
        server.setHostname(unique("k") + ".example.test");
        server.setIpAddress("10.8.0.1");
        server.setEnvironment(env);
        servers.save(server);
        UI.getCurrent().navigate(EnvironmentsView.class);
        _get(EnvironmentsView.class).open(env, environments.serverCount(env));
        var dialog = _get(EnvironmentDialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withText("Delete")));
        assertThat(dialog.formError.getText()).contains("used by 1 server");
        assertThat(environments.get(env.getId())).isPresent();
    }

    @Test
    void operator_cannot_open_the_environments_screen() {
        signInAs(Role.OPERATOR);
        assertThatThrownBy(() -> UI.getCurrent().navigate(EnvironmentsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
