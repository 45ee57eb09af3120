package com.infraconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The login throttle per source address, through the AuthenticationManager the login form uses,
 * with the request's address as the form's filter would give it. Each test uses addresses of its own.
 */
@IntegrationTest
class LoginThrottleTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    AuthenticationConfiguration authConfig;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    LoginSources sources;

    AuthenticationManager manager;

    @BeforeEach
    void manager() throws Exception {
        manager = authConfig.getAuthenticationManager();
    }

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        TestUsers.signOut();
    }

    @Test
    void a_failing_source_waits_longer_after_each_further_failure_and_is_refused_even_with_the_right_password() {
        var user = testUsers.create(Role.OPERATOR);
        var source = "198.51.100.11";
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login(source, user.getUsername(), "wrong-password-123"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(blockedUntil(source)).as("five failures are free").isNull();
        assertThatThrownBy(() -> login(source, user.getUsername(), "wrong-password-123"))
                .isInstanceOf(BadCredentialsException.class);
        var firstWait = Duration.between(Instant.now(), blockedUntil(source));
        assertThat(firstWait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));

        // Refused unchecked, whatever the password, and without counting against the account.
        assertThatThrownBy(() -> login(source, user.getUsername(), TestUsers.PASSWORD))
                .isInstanceOf(LoginThrottledException.class)
                .satisfies(e -> assertThat(((LoginThrottledException) e).retryAfterSeconds())
                        .isEqualTo(1));
        assertThat(failedAttempts(user.getId())).isEqualTo(6);

        sleep(firstWait.plusMillis(100));
        assertThatThrownBy(() -> login(source, user.getUsername(), "wrong-password-123"))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(Duration.between(Instant.now(), blockedUntil(source)))
                .isBetween(Duration.ofMillis(1000), Duration.ofSeconds(2));
        assertThat(sources.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(sources.delayAfter(30)).as("capped").isEqualTo(Duration.ofMinutes(15));

        // Another address is not held up by this one, and the account is not locked: it signs in.
        assertThat(login("198.51.100.12", user.getUsername(), TestUsers.PASSWORD)
                        .isAuthenticated())
                .isTrue();
    }

    @Test
    void every_node_sees_the_wait_of_a_source_because_it_is_kept_in_the_database() {
        var source = "198.51.100.21";
        for (int i = 0; i < 6; i++) {
            var name = "nobody-" + i;
            assertThatThrownBy(() -> login(source, name, "wrong-password-123"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        var otherNode = new LoginSources(
                jdbcClient,
                transactions,
                events,
                Clock.systemUTC(),
                5,
                Duration.ofSeconds(1),
                Duration.ofMinutes(15),
                Duration.ofHours(1),
                20,
                Duration.ofMinutes(10));
        assertThat(otherNode.blockedFor(source)).isPresent();
        assertThatThrownBy(() -> otherNode.checkAllowed(source)).isInstanceOf(LoginThrottledException.class);
        assertThat(otherNode.blockedFor("198.51.100.22")).isEmpty();
    }

    @Test
    void a_flood_of_500_failed_logins_from_one_address_writes_at_most_20_rows_and_one_summary() {
        var user = testUsers.create(Role.OPERATOR);
        var source = "203.0.113.50";
        int refused = 0;
        for (int i = 0; i < 500; i++) {
            try {
                login(source, i % 2 == 0 ? user.getUsername() : "no-such-user-" + i, "wrong-password-" + i);
            } catch (LoginThrottledException e) {
                refused++;
            } catch (AuthenticationException e) {
                // a checked failure
            }
        }
        assertThat(refused).as("most of the flood is refused unchecked").isGreaterThan(450);
        assertThat(rows("LOGIN_FAILURE", source)).isEqualTo(20);
        assertThat(rows("LOGIN_FAILURES_SUPPRESSED", source)).isZero();

        // When the window has closed, one row sums up the rest; a second sweep (another node) adds nothing.
        var later = Instant.now().plus(Duration.ofMinutes(11));
        assertThat(sources.closeWindows(later)).isGreaterThanOrEqualTo(1);
        sources.closeWindows(later);
        assertThat(rows("LOGIN_FAILURES_SUPPRESSED", source)).isEqualTo(1);
        var summary = jdbc.queryForObject(
                "SELECT changes FROM audit_logs WHERE action = 'LOGIN_FAILURES_SUPPRESSED'" + " AND client_ip = ?",
                String.class,
                source);
        assertThat(summary).contains("\"suppressed\":[null,480]");
        assertThat(rows("LOGIN_FAILURE", source) + 480).isEqualTo(500);
    }

    /**
     * PCI DSS 8.3.4 holds (10 failures lock the account for 30 minutes, for every browser that has not
     * signed in to it), but failures from anywhere cannot keep the owner out: their browser still gets in.
     */
    @Test
    void failures_from_many_addresses_lock_the_account_but_not_for_a_browser_that_signed_in_to_it_before() {
        var user = testUsers.create(Role.OPERATOR);
        var ownerResponse = new MockHttpServletResponse();
        assertThat(login("192.0.2.10", null, ownerResponse, user.getUsername(), TestUsers.PASSWORD)
                        .isAuthenticated())
                .isTrue();
        var setCookie = ownerResponse.getHeader("Set-Cookie");
        assertThat(setCookie)
                .startsWith(LoginDetails.DEVICE_COOKIE + "=")
                .contains("HttpOnly")
                .contains("SameSite=Lax");
        var deviceToken = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));

        for (int i = 1; i <= 10; i++) {
            var source = "203.0.113." + (100 + i);
            assertThatThrownBy(() -> login(source, user.getUsername(), "guess-" + source))
                    .isInstanceOf(BadCredentialsException.class);
        }
        var lockedUntil = lockedUntil(user.getId());
        assertThat(lockedUntil)
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(29)),
                        Instant.now().plus(Duration.ofMinutes(31)));

        assertThatThrownBy(() -> login("192.0.2.99", user.getUsername(), TestUsers.PASSWORD))
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> login(
                        "192.0.2.98",
                        "forged-device-token",
                        new MockHttpServletResponse(),
                        user.getUsername(),
                        TestUsers.PASSWORD))
                .isInstanceOf(LockedException.class);
        assertThat(login(
                                "192.0.2.11",
                                deviceToken,
                                new MockHttpServletResponse(),
                                user.getUsername(),
                                TestUsers.PASSWORD)
                        .isAuthenticated())
                .isTrue();
        assertThat(lockedUntil(user.getId()))
                .as("still locked for everyone else")
                .isEqualTo(lockedUntil);

        // Repeats never make it longer: once the lock has run out, ten more failures lock it for 30 minutes again.
        jdbc.update(
                "UPDATE users SET locked_until = NOW(6) - INTERVAL 1 SECOND, failed_login_attempts = 0 WHERE id = ?",
                user.getId());
        for (int i = 1; i <= 10; i++) {
            var source = "203.0.113." + (200 + i);
            assertThatThrownBy(() -> login(source, user.getUsername(), "guess-" + source))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(lockedUntil(user.getId())).isBefore(Instant.now().plus(Duration.ofMinutes(31)));
    }

    private Instant lockedUntil(long userId) {
        return jdbc.queryForObject("SELECT locked_until FROM users WHERE id = ?", java.time.LocalDateTime.class, userId)
                .toInstant(java.time.ZoneOffset.UTC);
    }

    private int rows(String action, String source) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_logs WHERE action = ? AND client_ip = ?", Integer.class, action, source);
    }

    private Instant blockedUntil(String source) {
        return jdbc.query(
                "SELECT blocked_until FROM login_sources WHERE source = ?",
                rs -> rs.next() && rs.getTimestamp(1) != null
                        ? rs.getObject(1, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC)
                        : null,
                source);
    }

    private int failedAttempts(long userId) {
        return jdbc.queryForObject("SELECT failed_login_attempts FROM users WHERE id = ?", Integer.class, userId);
    }

    /** As the login form's filter does it: the request's address in the details, the request current. */
    private Authentication login(String source, String username, String password) {
        return login(source, null, null, username, password);
    }

    private Authentication login(
            String source, String deviceToken, MockHttpServletResponse response, String username, String password) {
        var request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(source);
        if (deviceToken != null) {
            request.setCookies(new Cookie(LoginDetails.DEVICE_COOKIE, deviceToken));
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new LoginDetails(request));
        return manager.authenticate(token);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
