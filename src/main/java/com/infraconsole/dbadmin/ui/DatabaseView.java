package com.infraconsole.dbadmin.ui;

import com.infraconsole.dbadmin.BackupService;
import com.infraconsole.dbadmin.DatabaseAdminService;
import com.infraconsole.dbadmin.RollbackService;
import com.infraconsole.job.JobService;
import com.infraconsole.job.ui.SandboxBanner;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Database administration for admins: migrations, server, table sizes, indexes, foreign keys. */
@Route("admin/database")
@PageTitle("Database")
@Menu(order = 90, icon = "vaadin:database", title = "Database")
@RolesAllowed(Role.ADMIN_NAME)
class DatabaseView extends VerticalLayout {

    DatabaseView(DatabaseAdminService service, BackupService backups, RollbackService rollbacks, JobService jobs) {
        setSizeFull();
        SandboxBanner.of(jobs.sandboxStatus()).ifPresent(this::add);
        var tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add("Migrations", new MigrationsTab(service, backups, rollbacks));
        tabs.add("Server", new ServerTab(service));
        tabs.add("Table sizes", new TablesTab(service));
        tabs.add("Indexes", new IndexesTab(service));
        tabs.add("Foreign keys", new ForeignKeysTab(service));
        add(tabs);
    }
}
