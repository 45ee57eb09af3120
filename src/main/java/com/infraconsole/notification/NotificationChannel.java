package com.infraconsole.notification;

import java.util.Locale;

/** Where a rule sends: email over SMTP, or an HTTP POST in one of four body shapes. */
public enum NotificationChannel {
    EMAIL("Email"),
    WEBHOOK("JSON webhook (HMAC-signed)"),
    SLACK("Slack"),
    MATTERMOST("Mattermost"),
    TEAMS("Microsoft Teams");

    private final String label;

    NotificationChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static NotificationChannel fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
