package com.infraconsole.base.database;

import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * The account that owns the schema: it runs the migrations, backups, restores and partition DDL,
 * so that the console's own account (spring.datasource.*) can be held to DML. Configured with
 * INFRA_DB_OWNER_USER / INFRA_DB_OWNER_PASSWORD, which become Flyway's spring.flyway.user and
 * password (Spring Boot then gives Flyway a connection of its own); spring.flyway.user set directly
 * counts too. Neither set: the datasource's account is the owner, as before.
 */
@Component
public class OwnerAccount {

    static final String USER = "infra.database.owner.username";
    static final String PASSWORD = "infra.database.owner.password";

    private final Environment env;

    OwnerAccount(Environment env) {
        this.env = env;
    }

    /** spring.flyway.user and password from the owner settings, unless Flyway's own are given. */
    static Map<String, Object> flywayProperties(Environment env) {
        var user = env.getProperty(USER, "");
        if (user.isBlank() || env.containsProperty("spring.flyway.user")) {
            return Map.of();
        }
        return Map.of("spring.flyway.user", user, "spring.flyway.password", env.getProperty(PASSWORD, ""));
    }

    /** Read when asked, so that it follows the running configuration (the datasource URL included). */
    public String url() {
        return env.getProperty("spring.flyway.url", env.getProperty("spring.datasource.url"));
    }

    public String user() {
        var flyway = env.getProperty("spring.flyway.user", "");
        if (!flyway.isBlank()) {
            return flyway;
        }
        var owner = env.getProperty(USER, "");
        return owner.isBlank() ? env.getProperty("spring.datasource.username") : owner;
    }

    public String password() {
        if (!env.getProperty("spring.flyway.user", "").isBlank()) {
            return env.getProperty("spring.flyway.password", "");
        }
        return env.getProperty(USER, "").isBlank()
                ? env.getProperty("spring.datasource.password", "")
                : env.getProperty(PASSWORD, "");
    }

    /**
     * Whether the owner is an account of its own, not the datasource's. Flyway always gets its own
     * user setting (the database timeouts give it a connection of its own), so the names decide.
     */
    public boolean separate() {
        var user = user();
        return user != null && !user.isBlank() && !user.equals(env.getProperty("spring.datasource.username"));
    }

    /** A connection per use, as the owner: its work (DDL, retention) is rare and must not hold a pool. */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(url(), user(), password()));
    }
}
