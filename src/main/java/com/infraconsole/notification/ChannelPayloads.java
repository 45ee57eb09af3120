package com.infraconsole.notification;

import java.util.List;
import java.util.Map;

/**
 * The body each incoming-webhook kind expects. Slack and Mattermost take {"text"} (mrkdwn and
 * Markdown); Teams takes a message with an Adaptive Card attachment, which both Teams Workflows
 * webhooks and the older connectors accept. The generic webhook gets the whole event as stored.
 */
final class ChannelPayloads {

    private ChannelPayloads() {}

    static String body(NotificationChannel channel, String subject, String storedPayload) {
        var event = DeliveryQueue.JSON.readTree(storedPayload);
        var text = event.path("text").asString("");
        Object shaped = switch (channel) {
            case WEBHOOK -> null;
            case SLACK -> Map.of("text", "*" + subject + "*\n" + text);
            case MATTERMOST -> Map.of("username", "Infra Console", "text", "#### " + subject + "\n" + text);
            case TEAMS ->
                Map.of(
                        "type",
                        "message",
                        "attachments",
                        List.of(Map.of(
                                "contentType",
                                "application/vnd.microsoft.card.adaptive",
                                "content",
                                Map.of(
                                        "$schema",
                                        "http://adaptivecards.io/schemas/adaptive-card.json",
                                        "type",
                                        "AdaptiveCard",
                                        "version",
                                        "1.4",
                                        "body",
                                        List.of(
                                                Map.of(
                                                        "type",
                                                        "TextBlock",
                                                        "text",
                                                        subject,
                                                        "weight",
                                                        "Bolder",
                                                        "size",
                                                        "Medium",
                                                        "wrap",
                                                        true),
                                                Map.of("type", "TextBlock", "text", text, "wrap", true))))));
            case EMAIL -> throw new IllegalArgumentException("email has no HTTP body");
        };
        return shaped == null ? storedPayload : DeliveryQueue.JSON.writeValueAsString(shaped);
    }
}
