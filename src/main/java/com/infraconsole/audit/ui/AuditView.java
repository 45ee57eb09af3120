package com.infraconsole.audit.ui;

import com.infraconsole.audit.AuditFilter;
import com.infraconsole.audit.AuditRow;
import com.infraconsole.audit.AuditService;
import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.Badges;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The compliance review screen: the audit trail newest first, filtered in SQL, with a row's field
 * diff, a CSV export of what the filters select and the chain verification.
 */
@Route("audit")
@PageTitle("Audit log")
@Menu(order = 80, icon = "vaadin:file-text-o", title = "Audit log")
@RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
class AuditView extends VerticalLayout {

    static final List<String> ACTIONS = List.of(
            "CREATE",
            "UPDATE",
            "DELETE",
            "LOGIN_SUCCESS",
            "LOGIN_FAILURE",
            "LOGIN_FAILURES_SUPPRESSED",
            "ACCOUNT_LOCKED",
            "LOGOUT",
            "ACCESS_DENIED",
            "EXPORT",
            "JOB_LAUNCH",
            "JOB_CANCEL");
    static final List<String> TYPES =
            List.of("Server", "Environment", "User", "Playbook", "Job", "Ticket", "TicketComment", "AuditLog");

    private final AuditService service;
    private final Grid<AuditRow> grid = new Grid<>();
    private final AuditDetail detail = new AuditDetail();
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final TextField user = new TextField("User");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final ComboBox<String> entityType = new ComboBox<>("Entity type");
    private final TextField entityId = new TextField("Entity id");
    private final TextField text = new TextField("Search");
    /** Keyset cursors: the last seq before each offset the grid has already read. */
    private final Map<Integer, Long> cursors = new ConcurrentHashMap<>();

    private volatile AuditFilter filter = AuditFilter.ALL;

    AuditView(AuditService service, Clock clock) {
        this.service = service;
        setSizeFull();
        configureFilters();
        configureGrid();
        var toolbar = new Div(
                from,
                to,
                user,
                action,
                entityType,
                entityId,
                text,
                new AuditExport(service, () -> filter, clock),
                new AuditVerification(service));
        toolbar.addClassName("toolbar");
        var body = new HorizontalLayout(grid, detail);
        body.setSizeFull();
        body.setFlexGrow(1, grid);
        add(toolbar, body);
    }

    private void configureFilters() {
        action.setItems(ACTIONS);
        action.setAllowCustomValue(true);
        action.addCustomValueSetListener(
                e -> action.setValue(e.getDetail().trim().toUpperCase()));
        entityType.setItems(TYPES);
        entityType.setAllowCustomValue(true);
        entityType.addCustomValueSetListener(
                e -> entityType.setValue(e.getDetail().trim()));
        text.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        text.setPlaceholder("Any field or value");
        user.setPlaceholder("Exact username");
        Stream.of(user, entityId, text).forEach(f -> {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
            f.addValueChangeListener(e -> refresh());
        });
        Stream.of(action, entityType).forEach(c -> {
            c.setClearButtonVisible(true);
            c.addValueChangeListener(e -> refresh());
        });
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
    }

    private void configureGrid() {
        grid.addColumn(AuditRow::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> UtcTime.inUtcColumn(r.occurredAt()))
                .setHeader("When (UTC)")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditRow::username).setHeader("User").setAutoWidth(true);
        grid.addColumn(AuditRow::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(r ->
                        r.entityType() == null ? "" : r.entityType() + (r.entityId() == null ? "" : " " + r.entityId()))
                .setHeader("Entity")
                .setAutoWidth(true);
        grid.addComponentColumn(r -> Badges.badge(r.outcome(), tone(r.outcome())))
                .setHeader("Outcome")
                .setAutoWidth(true);
        grid.addColumn(AuditRow::clientIp).setHeader("Client IP").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // No count query: the grid scrolls on as long as pages come back full.
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()).stream());
        grid.asSingleSelect().addValueChangeListener(e -> detail.show(e.getValue()));
        grid.setEmptyStateText("No audit entries match these filters.");
        grid.setId("audit-grid");
        grid.setSizeFull();
    }

    private List<AuditRow> fetch(int offset, int limit) {
        var current = filter;
        var rows = service.list(current, cursors.get(offset), offset, limit);
        if (!rows.isEmpty() && current == filter) {
            cursors.put(offset + rows.size(), rows.get(rows.size() - 1).seq());
        }
        return rows;
    }

    private void refresh() {
        filter = new AuditFilter(
                utc(from.getValue()),
                utc(to.getValue()),
                user.getValue(),
                action.getValue(),
                entityType.getValue(),
                entityId.getValue(),
                text.getValue());
        cursors.clear();
        grid.getDataProvider().refreshAll();
        detail.show(null);
    }

    private static java.time.Instant utc(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static Badges.Tone tone(String outcome) {
        return switch (outcome) {
            case "SUCCESS" -> Badges.Tone.SUCCESS;
            case "DENIED" -> Badges.Tone.ERROR;
            default -> Badges.Tone.WARNING;
        };
    }
}
