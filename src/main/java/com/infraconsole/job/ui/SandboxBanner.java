package com.infraconsole.job.ui;

import com.infraconsole.job.SandboxStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The permanent warning of the dashboard and the Database screen while jobs run without the job
 * sandbox, or while the sandbox cannot start and jobs are refused.
 */
@NamedInterface("sandbox-banner")
public final class SandboxBanner {

    public static final String ID = "sandbox-warning";

    private SandboxBanner() {}

    public static Optional<Component> of(SandboxStatus status) {
        var text = status.warning();
        if (text == null) {
            return Optional.empty();
        }
        var banner = new Div(text);
        banner.setId(ID);
        banner.addClassName("alert-banner");
        banner.getElement().setAttribute("role", "alert");
        return Optional.of(banner);
    }
}
