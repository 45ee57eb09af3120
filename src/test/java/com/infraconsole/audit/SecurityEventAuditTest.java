package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

@IntegrationTest
class SecurityEventAuditTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    AuditLogProbe audit;

    @Autowired
    UserService users;

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;

    AuthenticationManager authenticationManager;

    @org.junit.jupiter.api.BeforeEach
    void authenticationManager() throws Exception {
        authenticationManager = authenticationConfiguration.getAuthenticationManager();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_successful_login_is_recorded_for_the_user() {
        var user = testUsers.create(Role.OPERATOR);
        long before = audit.lastSeq();
        authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(user.getUsername(), TestUsers.PASSWORD));
        assertThat(audit.since(before))
                .filteredOn(r -> r.action().equals("LOGIN_SUCCESS"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.userId()).isEqualTo(user.getId());
                    assertThat(r.username()).isEqualTo(user.getUsername());
                });
    }

    @Test
    void a_failed_login_records_the_attempted_name_but_never_the_password() {
        long before = audit.lastSeq();
        assertThatThrownBy(() -> authenticationManager.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("nobody-here", "S3cret-Guess!")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(audit.since(before))
                .filteredOn(r -> r.action().equals("LOGIN_FAILURE"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.username()).isEqualTo("nobody-here");
                    assertThat(r.outcome()).isEqualTo("FAILURE");
                    assertThat(String.valueOf(r.changes())).doesNotContain("S3cret-Guess!");
                });
    }

    @Test
    void ten_failed_logins_lock_the_account_and_the_lock_is_recorded() {
        var user = testUsers.create(Role.OPERATOR);
        long before = audit.lastSeq();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(user.getUsername(), "wrong")));
        }
        assertThat(audit.since(before))
                .filteredOn(r -> r.action().equals("ACCOUNT_LOCKED"))
                .singleElement()
                .satisfies(r -> assertThat(r.entityId()).isEqualTo(String.valueOf(user.getId())));
    }

    @Test
    void a_signed_in_user_refused_by_method_security_is_recorded_as_access_denied() {
        var operator = testUsers.signIn(Role.OPERATOR);
        long before = audit.lastSeq();
        assertThatThrownBy(() -> users.create("x-denied", "x@example.test", Role.ADMIN, TestUsers.PASSWORD, false))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(audit.since(before))
                .filteredOn(r -> r.action().equals("ACCESS_DENIED"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.username()).isEqualTo(operator.getUsername());
                    assertThat(r.outcome()).isEqualTo("DENIED");
                    assertThat(r.changes()).contains("UserService.create");
                });
    }
}
