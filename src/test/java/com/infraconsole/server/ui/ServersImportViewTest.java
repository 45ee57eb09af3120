package com.infraconsole.server.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.KaribuTest;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServersImportViewTest extends KaribuTest {

    @Test
    void operator_previews_and_imports_a_csv_and_sees_who_created_the_servers() {
        var me = signInAs(Role.OPERATOR);
        UI.getCurrent().navigate(ServersView.class);
        var view = _get(ServersView.class);
        _click(_get(Button.class, spec -> spec.withText("Import")));
        var dialog = _get(ImportDialog.class);
        var p = "kimp-" + UUID.randomUUID().toString().substring(0, 8);
        dialog.load("""
                hostname,ip_address,environment
                %1$s-1.example.test,10.7.0.1,staging
                %1$s-2.example.test,not-an-ip,staging
                """.formatted(p));
        assertThat(dialog.summary.getText()).contains("1 new").contains("1 rejected");
        assertThat(_size(dialog.report)).isEqualTo(2);
        _click(dialog.importButton);
        assertThat(dialog.summary.getText()).startsWith("Created 1");
        assertThat(dialog.importButton.isEnabled()).isFalse();

        _setValue(_get(view, TextField.class, spec -> spec.withPlaceholder("Hostname, IP, OS or location")), p);
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(_getFormatted(view.grid, 0, "createdBy")).isEqualTo(me.getUsername());
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_with_a_clear_message_and_nothing_is_imported() {
        signInAs(Role.OPERATOR);
        UI.getCurrent().navigate(ServersView.class);
        _click(_get(Button.class, spec -> spec.withText("Import")));
        var dialog = _get(ImportDialog.class);
        var p = "klatin-" + UUID.randomUUID().toString().substring(0, 8);
        // Windows-1252, as Excel saves plain CSV: "München" with a single byte for the umlaut.
        dialog.load(("hostname,ip_address,environment,location\n" + p + ".example.test,10.7.1.1,staging,M\u00fcnchen\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(dialog.formError.getText()).contains("not UTF-8");
        assertThat(dialog.importButton.isEnabled()).isFalse();
        assertThat(dialog.report.isVisible()).isFalse();

        dialog.load(("hostname,ip_address,environment,location\n" + p + ".example.test,10.7.1.1,staging,M\u00fcnchen\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(dialog.formError.getText()).isEmpty();
        assertThat(dialog.summary.getText()).contains("1 new");
    }

    @Test
    void auditor_sees_export_but_no_import() {
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate(ServersView.class);
        assertThat(_get(Button.class, spec -> spec.withText("Export CSV")).isVisible()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withText("Import")).stream().noneMatch(Button::isVisible)).isTrue();
    }
}
