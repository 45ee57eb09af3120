package com.infraconsole.base.database;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.PropertyResolver;

/**
 * How long the console waits on its database ({@code infra.database.*}), turned into the settings
 * of the pool, the JDBC driver, JPA and JdbcTemplate.
 *
 * <p>Without them a database that stops answering (a frozen host, dropped packets) holds every
 * thread that touches it forever: the drivers' socket timeout is infinite by default. With them a
 * call gives up after at most the pool's connection timeout plus the socket timeout, and the
 * connection is thrown away.
 *
 * <ul>
 *   <li>{@code connect-timeout}: opening a connection (both drivers' {@code connectTimeout}).</li>
 *   <li>{@code socket-timeout}: the longest silence on an open connection (both drivers'
 *       {@code socketTimeout}). It must exceed the statement and lock wait timeouts, which end a
 *       slow statement cleanly, on a connection that stays usable.</li>
 *   <li>{@code statement-timeout}: each query, through JPA and JdbcTemplate. Per statement, not per
 *       transaction: a long import of many short statements is legitimate.</li>
 *   <li>{@code lock-wait-timeout}: InnoDB's row lock wait, set on every pooled connection.</li>
 * </ul>
 * Long operations get their own: Flyway migrates over its own connection, without these (a large
 * ALTER TABLE answers nothing for minutes); backup and restore use their own tools and
 * connections. Every derived setting is only a default: a {@code spring.*} setting given
 * explicitly wins.
 */
record DatabaseTimeouts(Duration connect, Duration socket, Duration statement, Duration lockWait) {

    static final String PREFIX = "infra.database.";

    static DatabaseTimeouts from(PropertyResolver env) {
        var timeouts = new DatabaseTimeouts(
                duration(env, "connect-timeout", "5s"),
                duration(env, "socket-timeout", "60s"),
                duration(env, "statement-timeout", "30s"),
                duration(env, "lock-wait-timeout", "20s"));
        timeouts.check();
        return timeouts;
    }

    /** Parsed here: this runs before the environment may convert durations itself ("30s", "PT30S", "30000"). */
    private static Duration duration(PropertyResolver env, String name, String fallback) {
        var value = env.getProperty(PREFIX + name, fallback).trim();
        try {
            return DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + name + ": '" + value + "' is not a duration such as 30s", e);
        }
    }

    private void check() {
        if (connect.isNegative() || socket.isNegative() || statement.isNegative() || lockWait.toSeconds() < 1) {
            throw new IllegalArgumentException(PREFIX + "*-timeout: durations must not be negative, and the lock wait"
                    + " timeout is at least 1s (it is set in whole seconds)");
        }
        boolean socketLimited = !socket.isZero();
        if (socketLimited && (socket.compareTo(statement) <= 0 || socket.compareTo(lockWait) <= 0)) {
            throw new IllegalArgumentException(PREFIX + "socket-timeout (" + socket + ") must be longer than the"
                    + " statement-timeout (" + statement + ") and lock-wait-timeout (" + lockWait + "), or 0 for none:"
                    + " otherwise a slow statement breaks its connection instead of ending cleanly");
        }
    }

    /** The spring.* defaults these imply for a MariaDB or MySQL datasource at {@code jdbcUrl}. */
    Map<String, Object> springProperties(String jdbcUrl, String user, String password) {
        var props = new LinkedHashMap<String, Object>();
        if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:"))) {
            return props;
        }
        // Passed to the driver by the pool only, not put in the URL: the backup and restore tools
        // read the URL, and their long statements must not inherit a socket timeout.
        var driver = "spring.datasource.hikari.data-source-properties.";
        props.put(driver + "connectTimeout", String.valueOf(connect.toMillis()));
        props.put(driver + "socketTimeout", String.valueOf(socket.toMillis()));
        props.put(
                "spring.datasource.hikari.connection-init-sql",
                "SET SESSION innodb_lock_wait_timeout = " + lockWait.toSeconds());
        props.put("spring.jpa.properties.jakarta.persistence.query.timeout", String.valueOf(statement.toMillis()));
        props.put("spring.jdbc.template.query-timeout", statement.toMillis() + "ms");
        // Flyway gets a connection of its own (Spring Boot builds it when a Flyway URL is given), without
        // the pool's driver properties: a migration may run far longer than any screen's statement.
        props.put("spring.flyway.url", jdbcUrl);
        if (user != null) {
            props.put("spring.flyway.user", user);
        }
        if (password != null) {
            props.put("spring.flyway.password", password);
        }
        return props;
    }
}
