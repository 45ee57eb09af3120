package com.infraconsole.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import java.sql.Timestamp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

/**
 * Accounts taken over from the old platform keep their werkzeug hashes until their first login,
 * through the AuthenticationManager the login form uses. Hashes written by werkzeug 3.1.8 for
 * "Old-Platform-Pass1".
 */
@IntegrationTest
class LegacyPasswordLoginTest {

    static final String OLD_PASSWORD = "Old-Platform-Pass1";

    @Autowired
    TestUsers testUsers;

    @Autowired
    AuthenticationConfiguration authConfig;

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "scrypt:16384:8:1$RebO5oEckaqXG9oy$42b64ef4ccb74e4e88e8fbf835fae7aa3df47c11e4f588adeb69de87aaccc8b0da9f3180425"
                        + "235a0b5113f75aa6df950faaebcb4b8ac3f28a92a53c5d1392a4d",
                "pbkdf2:sha256:600000$l4nkI9bTc7SvwnSJ$776db65796d71d5f6a3bef3127ff6e6bce6e565191308df2f9aec757db229a07"
            })
    void an_old_hash_logs_in_once_and_is_bcrypt_afterwards(String werkzeugHash) throws Exception {
        var user = testUsers.create(Role.OPERATOR);
        var changedAt = Timestamp.valueOf("2025-12-29 10:00:00");
        jdbc.update(
                "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                werkzeugHash,
                changedAt,
                user.getId());
        var manager = authConfig.getAuthenticationManager();

        assertThatThrownBy(() -> manager.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(user.getUsername(), OLD_PASSWORD + "x")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(hashOf(user.getId())).isEqualTo(werkzeugHash);
        long seq = jdbc.queryForObject("SELECT MAX(seq) FROM audit_logs", Long.class);

        var signedIn = manager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(user.getUsername(), OLD_PASSWORD));

        assertThat(signedIn.isAuthenticated()).isTrue();
        var bcrypt = hashOf(user.getId());
        assertThat(bcrypt).matches("\\$2[aby]\\$1\\d\\$.{53}");
        assertThat(jdbc.queryForObject(
                        "SELECT password_changed_at FROM users WHERE id = ?", Timestamp.class, user.getId()))
                .isEqualTo(changedAt);
        var rows = jdbc.queryForList(
                "SELECT action, changes FROM audit_logs WHERE seq > ? AND entity_type = 'User' "
                        + "AND entity_id = ? ORDER BY seq",
                seq,
                String.valueOf(user.getId()));
        assertThat(rows).extracting(r -> r.get("action")).containsExactlyInAnyOrder("UPDATE", "LOGIN_SUCCESS");
        var rehash = rows.stream()
                .filter(r -> "UPDATE".equals(r.get("action")))
                .findFirst()
                .orElseThrow();
        assertThat((String) rehash.get("changes"))
                .contains("passwordHash")
                .contains("***")
                .doesNotContain("$2")
                .doesNotContain("scrypt")
                .doesNotContain("pbkdf2");
        // The second login checks the bcrypt hash and leaves it alone.
        manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.getUsername(), OLD_PASSWORD));
        assertThat(hashOf(user.getId())).isEqualTo(bcrypt);
    }

    private String hashOf(long id) {
        return jdbc.queryForObject("SELECT password_hash FROM users WHERE id = ?", String.class, id);
    }
}
