package com.infraconsole.base.database;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens one connection to a configured database before the application context starts.
 *
 * <p>Two jobs: fail early with a readable reason, and correct a {@code jdbc:mysql:} URL that
 * points at a MariaDB server (Hibernate would pick the wrong dialect through that driver).
 */
final class DatabasePreflight {

    private DatabasePreflight() {}

    static String check(String url, String user, String password) {
        var props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5000");
        try (var connection = DriverManager.getConnection(url, props)) {
            var product = connection.getMetaData().getDatabaseProductVersion();
            if (url.startsWith("jdbc:mysql:") && product.toLowerCase().contains("mariadb")) {
                return "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
            }
            return url;
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(url, user, rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        var message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }
}
