package com.infraconsole.credential.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.GridRows;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.credential.CredentialService;
import com.infraconsole.credential.CredentialSummary;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** ADMIN's list of credentials: what they are and who saved them when, never a secret. */
@Route("credentials")
@PageTitle("Credentials")
@Menu(order = 16, icon = "vaadin:key", title = "Credentials")
@RolesAllowed(Role.ADMIN_NAME)
class CredentialsView extends VerticalLayout {

    private final CredentialService service;
    final Grid<CredentialSummary> grid = new Grid<>();

    CredentialsView(CredentialService service) {
        this.service = service;
        setSizeFull();
        var add = new Button("New credential", new Icon(VaadinIcon.PLUS), e -> open(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = new Div(add);
        toolbar.addClassName("toolbar");

        grid.addColumn(CredentialSummary::name)
                .setHeader("Name")
                .setSortProperty("name")
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(c -> c.kind().label())
                .setHeader("Type")
                .setSortProperty("kind")
                .setAutoWidth(true);
        grid.addColumn(CredentialSummary::username).setHeader("User").setAutoWidth(true);
        // A SHA-256 fingerprint is 50 characters: cut to the column with the whole value on hover
        // (and in the dialog), so that who and when stay in view on a 1400-px screen.
        grid.addColumn(c -> c.fingerprint() == null ? "" : c.fingerprint())
                .setHeader("Fingerprint")
                .setTooltipGenerator(c -> c.fingerprint() == null ? "" : c.fingerprint())
                .setWidth("18rem")
                .setFlexGrow(2);
        grid.addColumn(c -> c.createdBy() + ", " + UtcTime.inUtcColumn(c.createdAt()))
                .setHeader("Created (UTC)")
                .setAutoWidth(true);
        grid.addColumn(c -> c.updatedBy() + ", " + UtcTime.inUtcColumn(c.updatedAt()))
                .setHeader("Last saved (UTC)")
                .setSortProperty("updatedAt")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> service.list(toSpringPageRequest(query)).stream());
        GridRows.openOnClickOrEnter(grid, row -> service.get(row.id()).ifPresentOrElse(this::open, this::refresh));
        grid.setEmptyStateText("No credentials yet. A job reaches a server with the credential of the server,"
                + " of its environment, or the one chosen at launch.");
        grid.setSizeFull();
        add(toolbar, grid);
    }

    void open(CredentialSummary existing) {
        new CredentialDialog(
                        existing,
                        draft -> {
                            var saved = existing == null
                                    ? service.create(draft)
                                    : service.update(existing.id(), existing.version(), draft);
                            Notifications.success((existing == null ? "Created " : "Saved ") + saved.name());
                            refresh();
                        },
                        c -> {
                            service.delete(c.id(), c.version());
                            Notifications.success("Deleted " + c.name());
                            refresh();
                        },
                        this::refresh)
                .open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
