package com.infraconsole.credential;

import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a credential for a run. Only the console itself (the job runner, signed in as "system")
 * may: no person, ADMIN included, reads a secret back through any screen or service.
 */
@Component
@PreAuthorize("authentication.name == 'system'")
public class CredentialUnlocker {

    private final CredentialRepository credentials;
    private final SecretBox box;

    CredentialUnlocker(CredentialRepository credentials, SecretBox box) {
        this.credentials = credentials;
        this.box = box;
    }

    @Transactional(readOnly = true)
    public Optional<UnlockedCredential> unlock(long id) {
        return credentials.findById(id).map(c -> {
            var secret = box.open(c.getKeyId(), "secret", c.getSecretCiphertext());
            var passphrase = box.open(c.getKeyId(), "passphrase", c.getPassphraseCiphertext());
            var usable = c.getKind() == CredentialKind.SSH_KEY ? SshKeys.withoutPassphrase(secret, passphrase) : secret;
            return new UnlockedCredential(c.getId(), c.getName(), c.getKind(), c.getUsername(), usable, passphrase);
        });
    }
}
