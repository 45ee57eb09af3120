package com.infraconsole.notification;

import com.infraconsole.base.EditableEntity;
import com.infraconsole.base.audit.AuditMasked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An event sent to a channel. The destination (an incoming-webhook URL is itself a credential)
 * and the generic webhook's signing secret are encrypted; the screen and the audit log see only
 * the hint and that a secret changed.
 */
@Entity
@Table(name = "notification_rules")
public class NotificationRule extends EditableEntity {

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 40)
    private String event;

    @Column(nullable = false, length = 20)
    private String channel;

    @AuditMasked
    @Column(name = "destination_ciphertext", nullable = false, columnDefinition = "text")
    private String destinationCiphertext;

    @Column(name = "destination_hint", nullable = false, length = 200)
    private String destinationHint;

    @AuditMasked
    @Column(name = "signing_secret_ciphertext")
    private String signingSecretCiphertext;

    @Column(nullable = false)
    private boolean enabled = true;

    protected NotificationRule() {}

    NotificationRule(
            String name,
            NotificationEvent event,
            NotificationChannel channel,
            String destinationCiphertext,
            String destinationHint,
            String signingSecretCiphertext) {
        this.name = name;
        this.event = event.dbValue();
        this.channel = channel.dbValue();
        this.destinationCiphertext = destinationCiphertext;
        this.destinationHint = destinationHint;
        this.signingSecretCiphertext = signingSecretCiphertext;
    }

    public String getName() {
        return name;
    }

    public NotificationEvent getEvent() {
        return NotificationEvent.fromDb(event);
    }

    public NotificationChannel getChannel() {
        return NotificationChannel.fromDb(channel);
    }

    public String getDestinationHint() {
        return destinationHint;
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public String toString() {
        return "Rule " + name;
    }
}
