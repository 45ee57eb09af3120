package com.infraconsole.api;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.user.ApiTokenService;
import com.infraconsole.user.User;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * MockMvc over the shared test context with the real security filter chains, and accounts with
 * tokens. Built by hand rather than with @AutoConfigureMockMvc, which would start a context of its own.
 */
@Component
class ApiFixture {

    /** An account and one of its tokens. */
    record Caller(User user, String token) {
        String bearer() {
            return "Bearer " + token;
        }
    }

    final TestUsers users;
    final ApiTokenService tokens;
    final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private MockMvc mvc;

    /** Any context: the command-line tests start the application without a web server, with this bean in it. */
    ApiFixture(TestUsers users, ApiTokenService tokens, JdbcTemplate jdbc, ApplicationContext context) {
        this.users = users;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.context = context;
    }

    MockMvc mvc() {
        if (mvc == null) {
            mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                    .apply(springSecurity())
                    .build();
        }
        return mvc;
    }

    Caller caller(Role role) {
        return caller(role, false);
    }

    Caller caller(Role role, boolean readOnly) {
        var user = users.create(role);
        return new Caller(user, token(user.getUsername(), readOnly));
    }

    String token(String username, boolean readOnly) {
        return SystemAuthentication.call(() -> tokens.createFor(username, "test", 30, readOnly))
                .token();
    }

    /** The newest audit row with this action, as "username outcome". */
    String lastAudit(String action) {
        return jdbc
                .query(
                        "SELECT username, outcome FROM audit_logs WHERE action = ? ORDER BY seq DESC LIMIT 1",
                        (rs, n) -> rs.getString(1) + " " + rs.getString(2),
                        action)
                .stream()
                .findFirst()
                .orElse("none");
    }

    long lastSeq() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM audit_logs", Long.class);
    }
}
