package com.infraconsole.audit;

import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.security.AdminOnly;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotates the audit chain key (command line {@code audit-rotate-key}): a fresh key is added to the
 * key file and becomes current; the old ones stay there to verify the rows they signed. The
 * rotation is itself an audit row, the first one signed with the new key. Only key ids are
 * recorded, never a key.
 */
@Component
@AdminOnly
public class AuditKeyRotation {

    private final AuditKeys keys;
    private final ApplicationEventPublisher events;

    AuditKeyRotation(AuditKeys keys, ApplicationEventPublisher events) {
        this.keys = keys;
        this.events = events;
    }

    /** @return the new key's id */
    @Transactional
    public String rotate() {
        var old = keys.current().id();
        var fresh = keys.rotate().id();
        events.publishEvent(new AuditEvent(
                "AUDIT_KEY_ROTATE", "AuditKey", fresh, Map.of("key", new Object[] {old, fresh}), "SUCCESS", null));
        return fresh;
    }

    public String keyFile() {
        return keys.file().toString();
    }
}
