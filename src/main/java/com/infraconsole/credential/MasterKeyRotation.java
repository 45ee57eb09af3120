package com.infraconsole.credential;

import com.infraconsole.base.audit.AuditAction;
import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.security.AdminOnly;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotates the credential master key (command line {@code credentials-rotate-key}): a fresh key
 * becomes current (with INFRA_MASTER_KEY: the first one listed), and every credential sealed under
 * another key is re-sealed under it in one transaction. Each re-sealed credential gets its audit
 * row (key id old and new, secret masked), and the rotation one more. Older keys stay in the file;
 * once this ran, nothing needs them.
 */
@Component
@AdminOnly
public class MasterKeyRotation {

    /** @param keyId the key everything is sealed with now */
    public record Result(String keyId, int resealed, String keySource) {}

    private final MasterKeys keys;
    private final SecretBox box;
    private final CredentialRepository credentials;
    private final ApplicationEventPublisher events;

    MasterKeyRotation(
            MasterKeys keys, SecretBox box, CredentialRepository credentials, ApplicationEventPublisher events) {
        this.keys = keys;
        this.box = box;
        this.credentials = credentials;
        this.events = events;
    }

    @Transactional
    @AuditAction("CREDENTIAL_RESEAL")
    public Result rotate() {
        var old = keys.current().id();
        var fresh = keys.addFresh().id();
        int count = 0;
        for (var c : credentials.findByKeyIdNot(fresh)) {
            var secret = box.open(c.getKeyId(), "secret", c.getSecretCiphertext());
            var passphrase = box.open(c.getKeyId(), "passphrase", c.getPassphraseCiphertext());
            c.seal(fresh, box.seal(fresh, "secret", secret), box.seal(fresh, "passphrase", passphrase));
            count++;
        }
        credentials.flush();
        events.publishEvent(new AuditEvent(
                "CREDENTIAL_KEY_ROTATE",
                "MasterKey",
                fresh,
                Map.of("key", new Object[] {old, fresh}, "resealed", new Object[] {null, count}),
                "SUCCESS",
                null));
        return new Result(
                fresh,
                count,
                keys.fromEnvironment() ? "INFRA_MASTER_KEY" : keys.file().toString());
    }
}
