package com.infraconsole.user.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.Badges;
import com.infraconsole.base.ui.GridRows;
import com.infraconsole.security.Role;
import com.infraconsole.user.ApiTokenService;
import com.infraconsole.user.User;
import com.infraconsole.user.UserAdminService;
import com.infraconsole.user.UserFilter;
import com.infraconsole.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;

@Route("users")
@PageTitle("Users")
@Menu(order = 80, icon = "vaadin:users", title = "Users")
@RolesAllowed(Role.ADMIN_NAME)
class UsersView extends VerticalLayout {

    static final String ACTIVE = "Active";
    static final String INACTIVE = "Inactive";

    private final UserAdminService admin;
    private final UserService users;
    private final ApiTokenService tokens;
    private final Clock clock;
    final Grid<User> grid = new Grid<>(User.class, false);
    final TextField search = new TextField();
    final Select<Role> role = new Select<>();
    final Select<String> active = new Select<>();

    UsersView(UserAdminService admin, UserService users, ApiTokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.admin = admin;
        this.users = users;
        this.clock = clock;
        setSizeFull();
        search.setPlaceholder("Username or email");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("grow");
        search.setAriaLabel("Search users");
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption("Any role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> r == null ? "Any role" : r.label());
        role.setAriaLabel("Role");
        active.setEmptySelectionAllowed(true);
        active.setEmptySelectionCaption("Active or not");
        active.setItems(ACTIVE, INACTIVE);
        active.setAriaLabel("Active");
        search.addValueChangeListener(e -> refresh());
        role.addValueChangeListener(e -> refresh());
        active.addValueChangeListener(e -> refresh());
        var add = new Button(
                "New user",
                new Icon(VaadinIcon.PLUS),
                e -> new NewUserDialog(users, admin, created -> refresh()).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = new Div(search, role, active, add);
        toolbar.addClassName("toolbar");

        grid.addColumn(User::getUsername)
                .setHeader("Username")
                .setSortProperty("username")
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(User::getEmail)
                .setHeader("Email")
                .setSortProperty("email")
                .setAutoWidth(true)
                .setFlexGrow(2);
        grid.addColumn(u -> u.getRole().label())
                .setHeader("Role")
                .setSortProperty("role")
                .setAutoWidth(true);
        grid.addComponentColumn(u -> Badges.badge(status(u, clock.instant()), tone(u, clock.instant())))
                .setHeader("Status")
                .setSortProperty("active")
                .setAutoWidth(true);
        grid.addColumn(u -> when(u.getLastLogin()))
                .setHeader("Last login")
                .setSortProperty("lastLogin")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> admin.list(filter(), toSpringPageRequest(query)).stream());
        GridRows.openOnClickOrEnter(grid, user -> open(user.getId()));
        grid.setEmptyStateText("No users match these filters.");
        grid.setSizeFull();
        add(toolbar, grid);
    }

    UserFilter filter() {
        var a = active.getValue();
        return new UserFilter(search.getValue(), role.getValue(), a == null ? null : ACTIVE.equals(a));
    }

    void open(long id) {
        admin.get(id)
                .ifPresentOrElse(
                        u -> {
                            var dialog = new UserDialog(u, admin, clock.instant(), this::refresh, () -> {
                                refresh();
                                open(id);
                            });
                            dialog.add(new H4("API tokens"), ApiTokensPanel.ofUser(tokens, u.getId(), clock));
                            dialog.open();
                        },
                        this::refresh);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    static String status(User user, Instant now) {
        if (!user.isActive()) {
            return INACTIVE;
        }
        return user.isLockedAt(now) ? "Locked until " + UtcTime.format(user.getLockedUntil()) : ACTIVE;
    }

    private static Badges.Tone tone(User user, Instant now) {
        if (!user.isActive()) {
            return Badges.Tone.NEUTRAL;
        }
        return user.isLockedAt(now) ? Badges.Tone.ERROR : Badges.Tone.SUCCESS;
    }

    static String when(Instant instant) {
        return instant == null ? "never" : UtcTime.format(instant);
    }
}
