package com.infraconsole.audit.ui;

import com.infraconsole.audit.AuditFilter;
import com.infraconsole.audit.AuditService;
import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.Downloads;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * "Export CSV": streams the rows the filters select straight into the response, batch by batch,
 * so a million rows never sit in memory. The service records the export itself as EXPORT.
 */
class AuditExport extends Anchor {

    AuditExport(AuditService service, Supplier<AuditFilter> filter, Clock clock) {
        setHref((DownloadHandler) event -> Downloads.limited(event, () -> {
            event.setFileName("audit-log-" + UtcTime.fileStamp(clock.instant()) + ".csv");
            event.setContentType("text/csv; charset=utf-8");
            var out = new BufferedWriter(
                    new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
            service.exportCsv(filter.get(), out);
            out.flush();
        }));
        getElement().setAttribute("download", true);
        add(new Button("Export CSV", new Icon(VaadinIcon.DOWNLOAD)));
        addClassName("audit-export");
    }
}
