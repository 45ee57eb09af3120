package com.infraconsole.playbook.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.GridRows;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookFilter;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("playbooks")
@PageTitle("Playbooks")
@Menu(order = 20, icon = "vaadin:file-code", title = "Playbooks")
@RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME})
class PlaybooksView extends VerticalLayout implements BeforeEnterObserver {

    /** {@code playbooks?history=ID} opens that playbook's history (the job page links to it). */
    static final String HISTORY_PARAMETER = "history";

    private final PlaybookService service;
    private final Grid<Playbook> grid = new Grid<>(Playbook.class, false);
    private final TextField search = new TextField();
    private final boolean canEdit;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation()
                .getQueryParameters()
                .getSingleParameter(HISTORY_PARAMETER)
                .ifPresent(id -> {
                    try {
                        service.get(Long.parseLong(id)).ifPresent(p -> new PlaybookHistoryDialog(service, p).open());
                    } catch (NumberFormatException e) {
                        // Not a playbook id: show the list only.
                    }
                });
    }

    PlaybooksView(PlaybookService service) {
        this.service = service;
        this.canEdit = CurrentUser.hasRole(Role.ADMIN) || CurrentUser.hasRole(Role.OPERATOR);
        setSizeFull();

        search.setPlaceholder("Name or description");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("grow");
        search.setAriaLabel("Search playbooks");
        search.addValueChangeListener(e -> refresh());

        var add = new Button("New playbook", new Icon(VaadinIcon.PLUS), e -> open(new Playbook()));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(canEdit);
        var toolbar = new Div(search, add);
        toolbar.addClassName("toolbar");

        grid.addColumn(Playbook::getName)
                .setHeader("Name")
                .setKey("name")
                .setSortProperty("name")
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(p -> shorten(p.getDescription()))
                .setHeader("Description")
                .setSortProperty("description")
                .setFlexGrow(2);
        grid.addColumn(Playbook::getUpdatedBy)
                .setHeader("Saved by")
                .setSortProperty("updatedBy")
                .setAutoWidth(true);
        grid.addColumn(p -> UtcTime.format(p.getUpdatedAt()))
                .setHeader("Saved")
                .setSortProperty("updatedAt")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(
                query -> service.list(new PlaybookFilter(search.getValue()), toSpringPageRequest(query)).stream());
        GridRows.openOnClickOrEnter(
                grid, playbook -> service.get(playbook.getId()).ifPresentOrElse(this::open, this::refresh));
        grid.setEmptyStateText("No playbooks match.");
        grid.setSizeFull();
        add(toolbar, grid);
    }

    private void open(Playbook playbook) {
        new PlaybookDialog(
                        playbook,
                        canEdit,
                        toSave -> {
                            var wasNew = toSave.isNew();
                            var saved = service.save(toSave);
                            Notifications.success((wasNew ? "Created " : "Saved ") + saved.getName());
                            refresh();
                        },
                        toDelete -> {
                            service.delete(toDelete);
                            Notifications.success("Deleted " + toDelete.getName());
                            refresh();
                        },
                        () -> new PlaybookHistoryDialog(service, playbook).open(),
                        () -> {
                            refresh();
                            if (!playbook.isNew()) {
                                service.get(playbook.getId()).ifPresent(this::open);
                            }
                        })
                .open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        var line = text.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
