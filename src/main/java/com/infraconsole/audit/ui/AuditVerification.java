package com.infraconsole.audit.ui;

import com.infraconsole.audit.AuditService;
import com.infraconsole.audit.VerificationResult;
import com.infraconsole.base.ui.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * "Verify chain": runs the verification on a background thread (it may walk millions of rows)
 * and pushes its progress and verdict to the browser.
 */
class AuditVerification extends Div {

    private final Button verify = new Button("Verify chain", new Icon(VaadinIcon.SHIELD));
    private final ProgressBar progress = new ProgressBar();
    private final Span verdict = new Span();

    AuditVerification(AuditService service) {
        addClassName("audit-verification");
        progress.setVisible(false);
        progress.setWidth("10rem");
        verdict.setId("audit-verdict");
        verify.addClickListener(e -> start(service));
        add(verify, progress, verdict);
    }

    private void start(AuditService service) {
        var ui = UI.getCurrent();
        var security = SecurityContextHolder.getContext();
        double total = Math.max(1, service.rowsToVerify());
        verify.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        verdict.setText("Verifying…");
        verdict.setClassName("");
        Thread.ofVirtual().name("audit-verify").start(() -> {
            SecurityContextHolder.setContext(security);
            try {
                var result = service.verify(rows -> ui.access(() -> progress.setValue(Math.min(1, rows / total))));
                ui.access(() -> finish(result));
            } catch (RuntimeException ex) {
                ui.access(() -> {
                    verdict.setText("Verification failed: " + ex.getMessage());
                    verify.setEnabled(true);
                    progress.setVisible(false);
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }

    private void finish(VerificationResult result) {
        verify.setEnabled(true);
        progress.setVisible(false);
        verdict.setText(result.message());
        verdict.setClassName("badge " + (result.intact() ? "badge-success" : "badge-error"));
        if (result.intact()) {
            Notifications.success(result.message());
        }
    }
}
