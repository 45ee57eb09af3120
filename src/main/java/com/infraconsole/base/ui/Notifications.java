package com.infraconsole.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The console's few kinds of toast, so that they look and last the same everywhere. */
public final class Notifications {

    private Notifications() {}

    public static void success(String text) {
        var n = Notification.show(text, 3000, Notification.Position.BOTTOM_END);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        var n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void warning(String text) {
        var n = Notification.show(text, 6000, Notification.Position.BOTTOM_END);
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
}
