package com.infraconsole.base.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

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
            props.put(
                    "spring.datasource.url",
                    "jdbc:%s://%s:%s/%s"
                            .formatted(
                                    scheme,
                                    env.get("DB_HOST").trim(),
                                    env.getOrDefault("DB_PORT", "3306").trim(),
                                    env.getOrDefault("DB_NAME", "infra_automation")
                                            .trim()));
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
        // Taken apart by hand, not by java.net.URI: operators paste passwords unencoded, and a '/' or
        // '@' in one is legal for the database but breaks URI parsing. The host follows the last '@'.
        int schemeEnd = url.indexOf("://");
        var scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd).toLowerCase();
        var jdbcScheme = scheme.startsWith("mariadb") ? "mariadb" : scheme.startsWith("mysql") ? "mysql" : null;
        if (jdbcScheme == null) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must use mysql://, mariadb:// or jdbc:, not " + scheme + "://");
        }
        var rest = url.substring(schemeEnd + 3);
        int queryAt = rest.indexOf('?');
        var query = queryAt < 0 ? "" : rest.substring(queryAt + 1);
        var beforeQuery = queryAt < 0 ? rest : rest.substring(0, queryAt);
        int at = beforeQuery.lastIndexOf('@');
        var hostAndPath = beforeQuery.substring(at + 1);
        int slash = hostAndPath.indexOf('/');
        var server = URI.create("db://" + (slash < 0 ? hostAndPath : hostAndPath.substring(0, slash)));
        var path = slash < 0 ? "" : hostAndPath.substring(slash);
        var port = server.getPort() > 0 ? server.getPort() : 3306;
        props.put(
                "spring.datasource.url",
                "jdbc:%s://%s:%d%s%s".formatted(jdbcScheme, server.getHost(), port, path, jdbcQuery(query)));
        if (at >= 0) {
            var parts = beforeQuery.substring(0, at).split(":", 2);
            props.put("spring.datasource.username", decode(parts[0]));
            if (parts.length == 2) {
                props.put("spring.datasource.password", decode(parts[1]));
            }
        }
        return props;
    }

    /**
     * The driver options (TLS: sslMode, trust stores...) pass through; {@code charset} is the Python
     * driver's and unknown to JDBC, where the connection is utf8mb4 already.
     */
    private static String jdbcQuery(String query) {
        var kept = Arrays.stream(query.split("&"))
                .filter(p -> !p.isBlank() && !p.toLowerCase().startsWith("charset="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? "" : "?" + kept;
    }

    /** The URL as it may be printed: any password in it replaced by ****. */
    public static String mask(String url) {
        if (url == null) {
            return "(none)";
        }
        var masked = url.replaceAll("(?i)(password=)[^&;]*", "$1****");
        int start = masked.indexOf("//");
        if (start < 0) {
            return masked;
        }
        start += 2;
        int queryAt = masked.indexOf('?', start);
        int at = masked.lastIndexOf('@', queryAt < 0 ? masked.length() - 1 : queryAt - 1);
        int colon = masked.indexOf(':', start);
        // user:password@host, the password running up to the last '@' (it may hold '/' or '@' itself)
        if (at > start && colon > 0 && colon < at) {
            masked = masked.substring(0, colon + 1) + "****" + masked.substring(at);
        }
        return masked;
    }

    private static void putIfPresent(Map<String, String> props, String key, String value) {
        if (value != null && !props.containsKey(key)) {
            props.put(key, value);
        }
    }

    /** Percent-decoding only: a literal '+' in a password is a plus, not a space as in a form. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return s; // a raw '%' not followed by two hex digits: the password was pasted unencoded
        }
    }
}
