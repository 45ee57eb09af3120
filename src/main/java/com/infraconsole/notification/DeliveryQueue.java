package com.infraconsole.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * notification_deliveries: the durable queue and the delivery log in one table. Rows are written
 * in transactions of their own (the event's transaction has committed when they are), claimed by
 * any node with FOR UPDATE SKIP LOCKED under a lease, and a lease that runs out (its node died
 * mid-send) makes the row due again.
 */
@Component
class DeliveryQueue {

    /** A claimed row with what its sender needs; the ciphertexts are decrypted only to send. */
    record Claimed(
            long id,
            String ruleName,
            NotificationEvent event,
            NotificationChannel channel,
            String subject,
            String payload,
            int attempts,
            String destinationCiphertext,
            String signingSecretCiphertext) {
        @Override
        public String toString() {
            return "Delivery " + id;
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate own;

    DeliveryQueue(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One pending row per enabled rule of the event; returns how many. */
    int enqueue(Message message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("event", message.event().wireName());
        body.put("occurredAt", message.occurredAt().toString());
        body.put("subject", message.subject());
        body.put("text", message.text());
        body.put("data", message.data());
        var payload = JSON.writeValueAsString(body);
        var now = Timestamp.from(clock.instant());
        var subject = message.subject().length() > 300 ? message.subject().substring(0, 300) : message.subject();
        return own.execute(tx -> jdbc.sql("""
                INSERT INTO notification_deliveries (rule_id, rule_name, event, channel, subject, payload, status,
                    attempts, next_attempt_at, created_at)
                SELECT id, name, event, channel, ?, ?, 'pending', 0, ?, ? FROM notification_rules
                WHERE event = ? AND enabled""")
                .params(subject, payload, now, now, message.event().dbValue())
                .update());
    }

    /** Up to max due rows, marked sending until the lease ends. */
    List<Claimed> claim(int max, Duration lease) {
        if (max <= 0) {
            return List.of();
        }
        var now = clock.instant();
        return own.execute(tx -> {
            // Only delivery rows are locked (no join here), so two nodes never wait on a shared rule row.
            var ids = jdbc.sql("""
                    SELECT id FROM notification_deliveries
                    WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND claimed_until < ?)
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(Timestamp.from(now), Timestamp.from(now), max)
                    .query(Long.class)
                    .list();
            if (ids.isEmpty()) {
                return List.<Claimed>of();
            }
            jdbc.sql(
                            "UPDATE notification_deliveries SET status = 'sending', claimed_until = :until, attempts = attempts + 1"
                                    + " WHERE id IN (:ids)")
                    .param("until", Timestamp.from(now.plus(lease)))
                    .param("ids", ids)
                    .update();
            return jdbc.sql("""
                    SELECT d.id, d.rule_name, d.event, d.channel, d.subject, d.payload, d.attempts,
                        r.destination_ciphertext, r.signing_secret_ciphertext
                    FROM notification_deliveries d LEFT JOIN notification_rules r ON r.id = d.rule_id
                    WHERE d.id IN (:ids)""").param("ids", ids).query(DeliveryQueue::claimed).list();
        });
    }

    void sent(long id) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql(
                        "UPDATE notification_deliveries SET status = 'sent', sent_at = ?, claimed_until = NULL, last_error = NULL"
                                + " WHERE id = ?")
                .params(now, id)
                .update();
    }

    /** Another attempt after the delay, or failed for good when delay is null. */
    void attemptFailed(long id, String error, Duration delay) {
        var message = error.length() > 500 ? error.substring(0, 500) : error;
        if (delay == null) {
            jdbc.sql(
                            "UPDATE notification_deliveries SET status = 'failed', claimed_until = NULL, last_error = ? WHERE id = ?")
                    .params(message, id)
                    .update();
        } else {
            jdbc.sql("UPDATE notification_deliveries SET status = 'pending', claimed_until = NULL, last_error = ?,"
                            + " next_attempt_at = ? WHERE id = ?")
                    .params(message, Timestamp.from(clock.instant().plus(delay)), id)
                    .update();
        }
    }

    List<Delivery> page(int offset, int limit) {
        return jdbc.sql("""
                SELECT id, rule_name, event, channel, subject, status, attempts, last_error, created_at, sent_at, next_attempt_at
                FROM notification_deliveries ORDER BY id DESC LIMIT ? OFFSET ?""")
                .params(limit, offset)
                .query((rs, n) -> new Delivery(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getString(8),
                        instant(rs, 9),
                        instant(rs, 10),
                        instant(rs, 11)))
                .list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM notification_deliveries")
                .query(Long.class)
                .single();
    }

    private static Claimed claimed(ResultSet rs, int n) throws SQLException {
        return new Claimed(
                rs.getLong(1),
                rs.getString(2),
                NotificationEvent.fromDb(rs.getString(3)),
                NotificationChannel.fromDb(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getString(8),
                rs.getString(9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
