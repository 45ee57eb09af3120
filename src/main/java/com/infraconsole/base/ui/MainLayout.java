package com.infraconsole.base.ui;

import com.infraconsole.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The shell around every screen. The side navigation lists only the views the signed-in role
 * may open: Vaadin's menu registry applies the same access rules as navigation itself.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();

    MainLayout(AuthenticationContext authenticationContext) {
        setPrimarySection(Section.DRAWER);
        viewTitle.addClassName("view-title");
        addToNavbar(true, new DrawerToggle(), viewTitle);
        addToDrawer(brand(), new Scroller(sideNav()), userMenu(authenticationContext));
    }

    private static Component brand() {
        var logo = new Icon(VaadinIcon.SERVER);
        logo.addClassName("brand-logo");
        var name = new Span("Infra Console");
        name.addClassName("brand-name");
        var brand = new Div(logo, name);
        brand.addClassName("brand");
        return brand;
    }

    private static SideNav sideNav() {
        var nav = new SideNav();
        nav.addClassName("main-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private static SideNavItem item(MenuEntry entry) {
        var item = new SideNavItem(entry.title(), entry.path());
        item.setMatchNested(true);
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }

    /** Who is signed in (name and role on their own lines, so long names never collapse) and the account menu. */
    private static Component userMenu(AuthenticationContext authenticationContext) {
        var principal = CurrentUser.get();
        var name = new Span(principal.map(p -> p.getUsername()).orElse(""));
        name.addClassName("user-name");
        var role = new Span(principal.map(p -> p.role().label()).orElse(""));
        role.addClassName("user-role");
        var who = new Div(name, role);
        who.addClassName("user-who");
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        var top = menu.addItem(new Icon(VaadinIcon.ELLIPSIS_DOTS_V));
        top.setAriaLabel("Account menu");
        top.getSubMenu().addItem("Change password", e -> top.getUI().ifPresent(ui -> ui.navigate("change-password")));
        top.getSubMenu().addItem("Sign out", e -> authenticationContext.logout());
        var box = new Div(new Icon(VaadinIcon.USER), who, menu);
        box.addClassName("user-menu");
        return box;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }
}
