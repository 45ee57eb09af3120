package com.infraconsole.audit;

import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditCompletenessTest.Expected;
import com.infraconsole.audit.AuditCompletenessTest.Scenario;
import com.infraconsole.security.Role;
import com.infraconsole.user.ApiTokenService;
import com.infraconsole.user.UserAdminService;
import java.util.Map;

/** The audit completeness scenarios of API tokens and service accounts. */
final class TokenAuditScenarios {

    private TokenAuditScenarios() {}

    static Map<String, Scenario> of(
            TestUsers testUsers, ApiTokenService tokens, UserAdminService admin, AuditLogProbe audit) {
        return Map.of(
                "ApiTokenService.create",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.AUDITOR);
                                    long since = audit.lastSeq();
                                    var t = tokens.create("cmp", 30, true);
                                    return new Expected("ApiToken", t.info().id(), "TOKEN_CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    return () -> tokens.create("cmp", 400, false);
                                }),
                "ApiTokenService.createFor",
                        new Scenario(
                                () -> {
                                    var owner = testUsers.create(Role.OPERATOR);
                                    testUsers.signIn(Role.ADMIN);
                                    long since = audit.lastSeq();
                                    var t = tokens.createFor(owner.getUsername(), "cmp", 30, false);
                                    return new Expected("ApiToken", t.info().id(), "TOKEN_CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    return () -> tokens.createFor("nobody-" + System.nanoTime(), "cmp", 30, false);
                                }),
                "ApiTokenService.revoke",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    var t = tokens.create("cmp", 30, false);
                                    long since = audit.lastSeq();
                                    tokens.revoke(t.info().id());
                                    return new Expected("ApiToken", t.info().id(), "TOKEN_REVOKE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    var t = tokens.create("cmp", 30, false);
                                    tokens.revoke(t.info().id());
                                    return () -> tokens.revoke(t.info().id());
                                }),
                "UserAdminService.createServiceAccount",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    long since = audit.lastSeq();
                                    var u = admin.createServiceAccount(
                                            "cmp-svc-" + System.nanoTime(), null, Role.OPERATOR);
                                    return new Expected("User", u.getId(), "CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    return () -> admin.createServiceAccount("bad name!", null, Role.OPERATOR);
                                }));
    }
}
