package com.infraconsole.server.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.infraconsole.KaribuTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ServersViewTest extends KaribuTest {

    @Autowired
    ServerService servers;

    @Test
    void a_stale_save_says_who_and_when_keeps_the_input_and_offers_to_reload() {
        var other = testUsers.create(Role.OPERATOR);
        var me = signInAs(Role.OPERATOR);
        var server = new Server();
        server.setHostname("kstale-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test");
        server.setIpAddress("10.6.0.1");
        server.setEnvironment(servers.environments().getFirst());
        server = servers.save(server);
        UI.getCurrent().navigate(ServersView.class);
        var view = _get(ServersView.class);
        _setValue(
                _get(view, TextField.class, spec -> spec.withPlaceholder("Hostname, IP, OS or location")),
                server.getHostname());
        GridKt._clickItem(view.grid, 0, 0, false, false, false, false);
        TestUsers.signIn(other);
        var theirs = servers.get(server.getId()).orElseThrow();
        theirs.setLocation("Rack A1");
        servers.save(theirs);
        TestUsers.signIn(me);

        var dialog = _get(ServerDialog.class);
        var location = _get(dialog, TextField.class, spec -> spec.withLabel("Location"));
        _setValue(location, "Rack Z9");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(dialog.isOpened()).isTrue();
        assertThat(_get(dialog, Span.class, spec -> spec.withClasses("form-error"))
                        .getText())
                .contains("was changed by " + other.getUsername() + " at ")
                .contains("still in the form")
                .containsPattern(" at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC ");
        assertThat(location.getValue()).isEqualTo("Rack Z9");
        assertThat(servers.get(server.getId()).orElseThrow().getLocation()).isEqualTo("Rack A1");

        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_get(_get(ServerDialog.class), TextField.class, spec -> spec.withLabel("Location"))
                        .getValue())
                .isEqualTo("Rack A1");
    }

    @Test
    void bad_input_in_a_new_server_is_explained_at_each_field_and_nothing_is_saved() {
        signInAs(Role.OPERATOR);
        UI.getCurrent().navigate(ServersView.class);
        var before = servers.count(com.infraconsole.server.ServerFilter.none());
        _click(_get(Button.class, spec -> spec.withText("New server")));
        var dialog = _get(ServerDialog.class);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Hostname")), "not a host!");
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("IP address")), "10.0.0.256");
        _setValue(_get(dialog, IntegerField.class, spec -> spec.withLabel("SSH port")), 70000);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("SSH user")), "");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(dialog.isOpened()).isTrue();
        for (var label : new String[] {"Hostname", "IP address", "SSH user"}) {
            var field = _get(dialog, TextField.class, spec -> spec.withLabel(label));
            assertThat(field.isInvalid()).as(label).isTrue();
            assertThat(field.getErrorMessage()).as(label).isNotBlank();
        }
        var port = _get(dialog, IntegerField.class, spec -> spec.withLabel("SSH port"));
        assertThat(port.isInvalid()).isTrue();
        assertThat(port.getErrorMessage()).isNotBlank();
        assertThat(servers.count(com.infraconsole.server.ServerFilter.none())).isEqualTo(before);
    }
}
