package com.infraconsole.notification.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.UtcTime;
import com.infraconsole.base.ui.Badges;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.notification.Delivery;
import com.infraconsole.notification.NotificationChannel;
import com.infraconsole.notification.NotificationRule;
import com.infraconsole.notification.NotificationService;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;

/** Notification rules and the delivery log (status, attempts, last error, time). Admins only. */
@Route("admin/notifications")
@PageTitle("Notifications")
@Menu(order = 33, icon = "vaadin:bell", title = "Notifications")
@RolesAllowed(Role.ADMIN_NAME)
class NotificationsView extends VerticalLayout {

    private final NotificationService notifications;
    private final Grid<NotificationRule> rules = new Grid<>();
    private final Grid<Delivery> deliveries = new Grid<>();

    NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        setSizeFull();
        rules.addColumn(NotificationRule::getName)
                .setHeader("Name")
                .setWidth("10rem")
                .setFlexGrow(2);
        rules.addColumn(r -> r.getEvent().label()).setHeader("When").setAutoWidth(true);
        rules.addColumn(r -> r.getChannel().label()).setHeader("Send by").setAutoWidth(true);
        rules.addColumn(NotificationRule::getDestinationHint)
                .setHeader("Destination")
                .setWidth("12rem")
                .setFlexGrow(2);
        rules.addComponentColumn(r -> r.isEnabled()
                        ? Badges.badge("Enabled", Badges.Tone.SUCCESS)
                        : Badges.badge("Disabled", Badges.Tone.NEUTRAL))
                .setHeader("State")
                .setAutoWidth(true);
        rules.addComponentColumn(this::actions)
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        rules.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        rules.setEmptyStateText("No rules yet: nobody is told when a job fails.");
        rules.setHeight("16rem");

        deliveries.addColumn(d -> when(d.createdAt())).setHeader("Queued (UTC)").setAutoWidth(true);
        deliveries
                .addColumn(Delivery::ruleName)
                .setHeader("Rule")
                .setWidth("9rem")
                .setFlexGrow(1);
        deliveries
                .addColumn(Delivery::subject)
                .setHeader("What")
                .setWidth("16rem")
                .setFlexGrow(3);
        deliveries
                .addComponentColumn(NotificationsView::status)
                .setHeader("Status")
                .setAutoWidth(true);
        deliveries.addColumn(Delivery::attempts).setHeader("Attempts").setAutoWidth(true);
        deliveries
                .addColumn(d -> d.lastError() == null ? "" : d.lastError())
                .setHeader("Last error")
                .setWidth("12rem")
                .setFlexGrow(2);
        deliveries
                .addColumn(d -> d.sentAt() != null
                        ? when(d.sentAt())
                        : "pending".equals(d.status()) ? "next try " + when(d.nextAttemptAt()) : "")
                .setHeader("Sent (UTC)")
                .setAutoWidth(true);
        deliveries.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        deliveries.setEmptyStateText("Nothing sent yet.");
        deliveries.setSizeFull();

        var create = new Button(
                "New rule",
                new Icon(VaadinIcon.PLUS),
                e -> new RuleDialog(request -> {
                            var created = notifications.create(request);
                            if (created.rule().getChannel() == NotificationChannel.WEBHOOK) {
                                new SecretDialog(
                                                "Rule " + created.rule().getName() + " created",
                                                "Every POST carries X-Infra-Signature-256:"
                                                        + " sha256=<HMAC-SHA256 of the body with this secret, hex>. Check it before trusting the body.",
                                                created.signingSecret(),
                                                null)
                                        .open();
                            } else {
                                Notifications.success(
                                        "Created rule " + created.rule().getName());
                            }
                            refresh();
                        })
                        .open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var reload = new Button("Refresh log", new Icon(VaadinIcon.REFRESH), e -> refresh());
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var spacer = new Div();
        spacer.addClassName("grow");
        var toolbar = new Div(new H3("Rules"), spacer, reload, create);
        toolbar.addClassName("toolbar");
        add(toolbar, rules, new H3("Delivery log"), deliveries);
        refresh();
    }

    private HorizontalLayout actions(NotificationRule rule) {
        var toggle = new Button(
                rule.isEnabled() ? "Disable" : "Enable",
                e -> act(() -> notifications.setEnabled(rule, !rule.isEnabled())));
        var delete = new Button("Delete", e -> {
            var confirm = new ConfirmDialog(
                    "Delete " + rule.getName() + "?",
                    "Its delivery log stays.",
                    "Delete",
                    c -> act(() -> notifications.delete(rule)),
                    "Cancel",
                    c -> {});
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(toggle, delete);
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (StaleDataException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private static Component status(Delivery d) {
        return switch (d.status()) {
            case "sent" -> Badges.badge("Sent", Badges.Tone.SUCCESS);
            case "failed" -> Badges.badge("Failed", Badges.Tone.ERROR);
            case "sending" -> Badges.badge("Sending", Badges.Tone.INFO);
            default -> Badges.badge(d.attempts() == 0 ? "Queued" : "Retrying", Badges.Tone.WARNING);
        };
    }

    private static String when(Instant t) {
        return UtcTime.inUtcColumn(t);
    }

    private void refresh() {
        rules.setItems(
                q -> notifications.rules(toSpringPageRequest(q)).stream(), q -> (int) notifications.countRules());
        deliveries.setItems(q -> notifications.deliveries(toSpringPageRequest(q)).stream(), q ->
                (int) notifications.countDeliveries());
    }
}
