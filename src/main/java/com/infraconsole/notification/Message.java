package com.infraconsole.notification;

import java.time.Instant;
import java.util.Map;

/** What happened, in words and data, before it is shaped for a channel. Never holds a secret. */
record Message(NotificationEvent event, Instant occurredAt, String subject, String text, Map<String, Object> data) {}
