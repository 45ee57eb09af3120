package com.infraconsole.base.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates the ways operators configure a database into Spring's {@code spring.datasource.*}.
 *
 * <p>Besides Spring's own properties we accept the old platform's settings so that its
 * deployments keep working: {@code DATABASE_URL} (SQLAlchemy style, e.g.
 * {@code mysql+pymysql://user:pw@host:3306/db?charset=utf8mb4}, or a plain JDBC URL) and the
 * {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD} set.
 */
public final class DatabaseSettings {

    private DatabaseSettings() {}

    /** Returns the spring.datasource.* properties implied by the given variables, or none. */
    public static Map<String, String> fromLegacyVariables(Map<String, String> env) {
        var props = new LinkedHashMap<String, String>();
        var databaseUrl = env.get("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            props.putAll(fromDatabaseUrl(databaseUrl.trim()));
        } else if (env.get("DB_HOST") != null && !env.get("DB_HOST").isBlank()) {
            var kind = env.getOrDefault("DB_KIND", "mysql").toLowerCase();
            var scheme = kind.startsWith("maria") ? "mariadb" : "mysql";
            props.put("spring.datasource.url", "jdbc:%s://%s:%s/%s".formatted(scheme, env.get("DB_HOST").trim(),
                    env.getOrDefault("DB_PORT", "3306").trim(), env.getOrDefault("DB_NAME", "infra_automation").trim()));
        }
        if (!props.isEmpty()) {
            putIfPresent(props, "spring.datasource.username", env.get("DB_USER"));
            putIfPresent(props, "spring.datasource.password", env.get("DB_PASSWORD"));
        }
        return props;
    }

    static Map<String, String> fromDatabaseUrl(String url) {
        var props = new LinkedHashMap<String, String>();
        if (url.startsWith("jdbc:")) {
            props.put("spring.datasource.url", url);
            return props;
        }
        var uri = URI.create(url);
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        var jdbcScheme = scheme.startsWith("mariadb") ? "mariadb" : scheme.startsWith("mysql") ? "mysql" : null;
        if (jdbcScheme == null) {
            throw new IllegalArgumentException("DATABASE_URL must use mysql://, mariadb:// or jdbc:, not " + scheme + "://");
        }
        var port = uri.getPort() > 0 ? uri.getPort() : 3306;
        props.put("spring.datasource.url", "jdbc:%s://%s:%d%s".formatted(jdbcScheme, uri.getHost(), port, uri.getPath()));
        if (uri.getRawUserInfo() != null) {
            var parts = uri.getRawUserInfo().split(":", 2);
            props.put("spring.datasource.username", decode(parts[0]));
            if (parts.length == 2) {
                props.put("spring.datasource.password", decode(parts[1]));
            }
        }
        return props;
    }

    /** The URL as it may be printed: any password in it replaced by ****. */
    public static String mask(String url) {
        if (url == null) {
            return "(none)";
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("(//[^/:@]+:)[^@/]*@", "$1****@");
    }

    private static void putIfPresent(Map<String, String> props, String key, String value) {
        if (value != null && !props.containsKey(key)) {
            props.put(key, value);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
