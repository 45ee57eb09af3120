package com.infraconsole.audit;

import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditCompletenessTest.Expected;
import com.infraconsole.audit.AuditCompletenessTest.Scenario;
import com.infraconsole.credential.CredentialDraft;
import com.infraconsole.credential.CredentialKind;
import com.infraconsole.credential.CredentialService;
import com.infraconsole.credential.CredentialSummary;
import com.infraconsole.security.Role;
import java.util.Map;

/** The audit completeness scenarios of the credential service. */
final class CredentialAuditScenarios {

    private CredentialAuditScenarios() {}

    static Map<String, Scenario> of(TestUsers testUsers, CredentialService credentials, AuditLogProbe audit) {
        return Map.of(
                "CredentialService.create",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    long since = audit.lastSeq();
                                    var c = vault(credentials);
                                    return new Expected("Credential", c.id(), "CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    return () -> credentials.create(new CredentialDraft(
                                            "", CredentialKind.VAULT_PASSWORD, null, null, "x", null));
                                }),
                "CredentialService.update",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    var c = vault(credentials);
                                    long since = audit.lastSeq();
                                    credentials.update(
                                            c.id(),
                                            c.version(),
                                            new CredentialDraft(c.name(), null, null, "changed", "new-secret", null));
                                    return new Expected("Credential", c.id(), "UPDATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    var c = vault(credentials);
                                    credentials.update(
                                            c.id(),
                                            c.version(),
                                            new CredentialDraft(c.name(), null, null, "first", "", null));
                                    return () -> credentials.update(
                                            c.id(),
                                            c.version(),
                                            new CredentialDraft(c.name(), null, null, "stale", "", null));
                                }),
                "CredentialService.delete",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    var c = vault(credentials);
                                    long since = audit.lastSeq();
                                    credentials.delete(c.id(), c.version());
                                    return new Expected("Credential", c.id(), "DELETE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    return () -> credentials.delete(1L, 0);
                                }));
    }

    private static CredentialSummary vault(CredentialService credentials) {
        return credentials.create(new CredentialDraft(
                "cmp-" + System.nanoTime(), CredentialKind.VAULT_PASSWORD, null, null, "vault-secret", null));
    }
}
