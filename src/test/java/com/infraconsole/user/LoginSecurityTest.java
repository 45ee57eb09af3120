package com.infraconsole.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

/** Login rules, through the same AuthenticationManager the login form uses. */
@IntegrationTest
class LoginSecurityTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    AuthenticationConfiguration authConfig;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void passwords_are_stored_as_bcrypt_with_cost_of_at_least_10() {
        var user = testUsers.create(Role.OPERATOR);
        var hash = jdbc.queryForObject("SELECT password_hash FROM users WHERE id = ?", String.class, user.getId());
        assertThat(hash).matches("\\$2[aby]\\$(1[0-9]|2[0-9]|3[01])\\$.{53}");
        assertThat(hash).doesNotContain(TestUsers.PASSWORD);
    }

    @Test
    void ten_consecutive_failures_lock_the_account_for_thirty_minutes_even_for_the_right_password() throws Exception {
        var user = testUsers.create(Role.OPERATOR);
        var manager = authConfig.getAuthenticationManager();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> login(manager, user.getUsername(), "wrong-password-123"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        var lockedUntil =
                jdbc.queryForObject("SELECT locked_until FROM users WHERE id = ?", Instant.class, user.getId());
        assertThat(lockedUntil)
                .isBetween(Instant.now().plusSeconds(29 * 60), Instant.now().plusSeconds(31 * 60));
        assertThatThrownBy(() -> login(manager, user.getUsername(), TestUsers.PASSWORD))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void a_success_resets_the_failure_count() throws Exception {
        var user = testUsers.create(Role.OPERATOR);
        var manager = authConfig.getAuthenticationManager();
        for (int i = 0; i < 9; i++) {
            assertThatThrownBy(() -> login(manager, user.getUsername(), "nope-nope-nope"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(login(manager, user.getUsername(), TestUsers.PASSWORD).isAuthenticated())
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT failed_login_attempts FROM users WHERE id = ?", Integer.class, user.getId()))
                .isZero();
        assertThatThrownBy(() -> login(manager, user.getUsername(), "nope-nope-nope"))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(login(manager, user.getUsername(), TestUsers.PASSWORD).isAuthenticated())
                .isTrue();
    }

    @Test
    void an_inactive_user_cannot_log_in() throws Exception {
        var user = testUsers.create(Role.AUDITOR);
        jdbc.update("UPDATE users SET is_active = FALSE WHERE id = ?", user.getId());
        assertThatThrownBy(() -> login(authConfig.getAuthenticationManager(), user.getUsername(), TestUsers.PASSWORD))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void an_unknown_user_fails_like_a_wrong_password() throws Exception {
        assertThatThrownBy(() -> login(authConfig.getAuthenticationManager(), "nobody-here", "whatever-123456"))
                .isInstanceOf(BadCredentialsException.class);
    }

    /**
     * A locked or inactive account costs the same bcrypt check as any other: its password is
     * checked first (a wrong one fails as a wrong password), and the time shows nothing.
     */
    @Test
    void locked_and_inactive_accounts_answer_in_the_time_of_a_password_check() {
        var manager = authConfig.getAuthenticationManager();
        var active = testUsers.create(Role.OPERATOR);
        var locked = testUsers.create(Role.OPERATOR);
        var inactive = testUsers.create(Role.OPERATOR);
        jdbc.update("UPDATE users SET locked_until = NOW() + INTERVAL 30 MINUTE WHERE id = ?", locked.getId());
        jdbc.update("UPDATE users SET is_active = FALSE WHERE id = ?", inactive.getId());
        assertThatThrownBy(() -> login(manager, locked.getUsername(), "wrong-password-123"))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login(manager, inactive.getUsername(), "wrong-password-123"))
                .isInstanceOf(BadCredentialsException.class);

        long activeNanos = medianNanos(manager, active.getUsername());
        long lockedNanos = medianNanos(manager, locked.getUsername());
        long inactiveNanos = medianNanos(manager, inactive.getUsername());
        long unknownNanos = medianNanos(manager, "no-such-account-" + System.nanoTime());
        // bcrypt dominates: without it an attempt takes a few ms, with it tens; a loaded machine adds noise.
        assertThat(lockedNanos).as("locked vs active").isGreaterThan(activeNanos / 2);
        assertThat(inactiveNanos).as("inactive vs active").isGreaterThan(activeNanos / 2);
        assertThat(unknownNanos).as("unknown vs active").isGreaterThan(activeNanos / 2);
    }

    private static long medianNanos(AuthenticationManager manager, String username) {
        var times = new long[7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            try {
                login(manager, username, TestUsers.PASSWORD + "-wrong");
            } catch (org.springframework.security.core.AuthenticationException expected) {
                // every attempt here fails; only its duration matters
            }
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2];
    }

    private static org.springframework.security.core.Authentication login(
            AuthenticationManager manager, String u, String p) {
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(u, p));
    }
}
