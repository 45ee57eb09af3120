package com.infraconsole.server;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.credential.CredentialService;
import com.infraconsole.credential.CredentialSummary;
import java.util.List;
import org.springframework.stereotype.Component;

/** Checks a server's or an environment's default credential: it exists and logs in to a host. */
@Component
class DefaultCredentials {

    private final CredentialService credentials;

    DefaultCredentials(CredentialService credentials) {
        this.credentials = credentials;
    }

    List<CredentialSummary> choices() {
        return credentials.choices().stream().filter(c -> c.kind().connects()).toList();
    }

    void check(Long credentialId) {
        if (credentialId == null) {
            return;
        }
        var c = credentials
                .get(credentialId)
                .orElseThrow(() -> InvalidInputException.of("credentialId", "That credential no longer exists"));
        if (!c.kind().connects()) {
            throw InvalidInputException.of(
                    "credentialId",
                    "A default credential logs in: choose an SSH key or an SSH"
                            + " password (become and vault passwords are chosen at launch)");
        }
    }
}
