package com.infraconsole.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** infra.database.* timeouts, turned into the pool's, the driver's, JPA's and JdbcTemplate's settings. */
class DatabaseTimeoutsTest {

    private static final String DRIVER = "spring.datasource.hikari.data-source-properties.";

    @Test
    void the_defaults_bound_connecting_silence_statements_and_lock_waits() {
        var props =
                DatabaseTimeouts.from(env(Map.of())).springProperties("jdbc:mariadb://db:3306/infra", "infra", "pw");
        assertThat(props)
                .containsEntry(DRIVER + "connectTimeout", "5000")
                .containsEntry(DRIVER + "socketTimeout", "60000")
                .containsEntry("spring.jpa.properties.jakarta.persistence.query.timeout", "30000")
                .containsEntry("spring.jdbc.template.query-timeout", "30000ms")
                .containsEntry(
                        "spring.datasource.hikari.connection-init-sql", "SET SESSION innodb_lock_wait_timeout = 20");
    }

    @Test
    void migrations_get_a_connection_of_their_own_without_the_pools_timeouts() {
        var props = DatabaseTimeouts.from(env(Map.of())).springProperties("jdbc:mysql://db:3306/infra", "infra", "pw");
        assertThat(props)
                .containsEntry("spring.flyway.url", "jdbc:mysql://db:3306/infra")
                .containsEntry("spring.flyway.user", "infra")
                .containsEntry("spring.flyway.password", "pw");
        assertThat(props.get("spring.flyway.url").toString()).doesNotContain("socketTimeout");
    }

    @Test
    void a_socket_timeout_shorter_than_a_statement_is_refused_with_the_reason() {
        assertThatThrownBy(() -> DatabaseTimeouts.from(
                        env(Map.of("infra.database.socket-timeout", "10s", "infra.database.statement-timeout", "30s"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("socket-timeout (PT10S) must be longer than the statement-timeout (PT30S)");
    }

    @Test
    void no_socket_timeout_can_be_chosen_explicitly() {
        var props = DatabaseTimeouts.from(env(Map.of("infra.database.socket-timeout", "0")))
                .springProperties("jdbc:mariadb://db/infra", null, null);
        assertThat(props).containsEntry(DRIVER + "socketTimeout", "0").doesNotContainKey("spring.flyway.user");
    }

    @Test
    void an_explicit_spring_setting_wins_over_the_derived_default() {
        var env = env(Map.of(
                "spring.datasource.url",
                "jdbc:mariadb://db.invalid/infra",
                "infra.database.preflight",
                "false",
                DRIVER + "socketTimeout",
                "123000"));
        new DatabaseEnvironmentPostProcessor(destination -> destination.get()).postProcessEnvironment(env, null);
        assertThat(env.getProperty(DRIVER + "socketTimeout")).isEqualTo("123000");
        assertThat(env.getProperty(DRIVER + "connectTimeout")).isEqualTo("5000");
        assertThat(env.getProperty("spring.flyway.url")).isEqualTo("jdbc:mariadb://db.invalid/infra");
    }

    private static StandardEnvironment env(Map<String, Object> values) {
        var env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", values));
        return env;
    }
}
