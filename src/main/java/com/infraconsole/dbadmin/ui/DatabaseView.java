package com.infraconsole.dbadmin.ui;

import com.infraconsole.base.ui.TabSheets;
import com.infraconsole.dbadmin.BackupService;
import com.infraconsole.dbadmin.DatabaseAdminService;
import com.infraconsole.dbadmin.RollbackService;
import com.infraconsole.job.JobService;
import com.infraconsole.job.ui.SandboxBanner;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/** Database administration for admins: migrations, server, table sizes, indexes, foreign keys. */
@Route("admin/database")
@PageTitle("Database")
@Menu(order = 90, icon = "vaadin:database", title = "Database")
@RolesAllowed(Role.ADMIN_NAME)
class DatabaseView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(DatabaseView.class);

    DatabaseView(DatabaseAdminService service, BackupService backups, RollbackService rollbacks, JobService jobs) {
        setSizeFull();
        SandboxBanner.of(jobs.sandboxStatus()).ifPresent(this::add);
        var tabs = TabSheets.withPlainTabList(new TabSheet());
        tabs.setSizeFull();
        tabs.add("Migrations", guarded("Migrations", () -> new MigrationsTab(service, backups, rollbacks)));
        tabs.add("Server", guarded("Server", () -> new ServerTab(service)));
        tabs.add("Table sizes", guarded("Table sizes", () -> new TablesTab(service)));
        tabs.add("Indexes", guarded("Indexes", () -> new IndexesTab(service)));
        tabs.add("Foreign keys", guarded("Foreign keys", () -> new ForeignKeysTab(service)));
        add(tabs);
    }

    /**
     * One tab that cannot be read (a privilege the database account lacks, a server that differs)
     * must not take the other tabs down with it, nor show the driver's error text, which names the
     * account and the statement: that goes to the log.
     */
    private static Component guarded(String name, Supplier<Component> tab) {
        try {
            return tab.get();
        } catch (AccessDeniedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("The {} tab of the Database screen could not be read", name, e);
            var note = new Div("The " + name + " tab could not be read from the database. The reason was logged "
                    + "for the administrator of the console; the other tabs are not affected.");
            note.addClassName("notice");
            note.setId("tab-error");
            return note;
        }
    }
}
