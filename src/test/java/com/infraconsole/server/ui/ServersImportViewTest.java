package com.infraconsole.server.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.infraconsole.KaribuTest;
import com.infraconsole.audit.AuditLogProbe;
import com.infraconsole.base.ui.BoundedUploadTest;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.servlet.http.Part;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ServersImportViewTest extends KaribuTest {

    @Autowired
    AuditLogProbe audit;

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
    void a_file_over_2_mb_sent_past_the_browser_is_refused_by_the_server_unread_and_the_refusal_audited()
            throws Exception {
        signInAs(Role.OPERATOR);
        UI.getCurrent().navigate(ServersView.class);
        _click(_get(Button.class, spec -> spec.withText("Import")));
        var dialog = _get(ImportDialog.class);
        long before = audit.lastSeq();
        var body = new BoundedUploadTest.Endless();
        var event = new UploadEvent(null, null, null, "huge.csv", -1, "text/csv", dialog.getElement(), part(body));

        dialog.uploadHandler.handleUploadRequest(event);
        MockVaadin.clientRoundtrip(false);

        assertThat(event.isRejected()).isTrue();
        assertThat(event.getRejectionMessage()).contains("larger than 2 MB");
        assertThat(body.read).as("bytes read of an endless upload").isLessThanOrEqualTo(ImportDialog.MAX_BYTES + 8192);
        assertThat(dialog.formError.getText()).contains("larger than 2 MB", "Nothing was imported");
        assertThat(dialog.importButton.isEnabled()).isFalse();
        assertThat(audit.since(before)).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("SERVER_IMPORT");
            assertThat(r.outcome()).isEqualTo("FAILURE");
            assertThat(r.changes()).contains("huge.csv", "larger than 2 MB");
        });
    }

    @Test
    void a_file_over_the_row_limit_is_refused_whole_and_the_refusal_audited() {
        signInAs(Role.OPERATOR);
        UI.getCurrent().navigate(ServersView.class);
        _click(_get(Button.class, spec -> spec.withText("Import")));
        var dialog = _get(ImportDialog.class);
        var csv = new StringBuilder("hostname,ip_address,environment\n");
        for (int i = 0; i <= 5000; i++) {
            csv.append("krows-").append(i).append(".example.test,10.8.0.1,staging\n");
        }
        long before = audit.lastSeq();

        dialog.load("many.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(dialog.formError.getText()).contains("more than 5000 rows", "Nothing was imported");
        assertThat(dialog.importButton.isEnabled()).isFalse();
        assertThat(audit.since(before)).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("SERVER_IMPORT");
            assertThat(r.outcome()).isEqualTo("FAILURE");
            assertThat(r.changes()).contains("many.csv", "more than 5000 rows");
        });
    }

    /** The multipart part a crafted request would carry, whatever the browser's limit said. */
    private static Part part(InputStream body) {
        return new Part() {
            @Override
            public InputStream getInputStream() {
                return body;
            }

            @Override
            public String getContentType() {
                return "text/csv";
            }

            @Override
            public String getName() {
                return "file";
            }

            @Override
            public String getSubmittedFileName() {
                return "huge.csv";
            }

            @Override
            public long getSize() {
                return -1;
            }

            @Override
            public void write(String fileName) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete() {}

            @Override
            public String getHeader(String name) {
                return null;
            }

            @Override
            public Collection<String> getHeaders(String name) {
                return List.of();
            }

            @Override
            public Collection<String> getHeaderNames() {
                return List.of();
            }
        };
    }

    @Test
    void auditor_sees_export_but_no_import() {
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate(ServersView.class);
        assertThat(_get(Button.class, spec -> spec.withText("Export CSV")).isVisible())
                .isTrue();
        assertThat(_find(Button.class, spec -> spec.withText("Import")).stream().noneMatch(Button::isVisible))
                .isTrue();
    }
}
