package com.infraconsole.base.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SQL the embedded server runs at start-up ({@code --init-file}) to put its accounts in the
 * state the credentials file describes.
 *
 * <p>{@code --init-file} runs before the server accepts any connection and with grants enabled,
 * so a data directory made by an older console (root with no usable password, anonymous
 * accounts, started with {@code --skip-grant-tables}) is brought in line without ever being
 * reachable unprotected. The file carries password hashes only, never a password.
 */
final class EmbeddedAccounts {

    private EmbeddedAccounts() {}

    static String initSql(EmbeddedCredentials credentials, String osUser) {
        var console = "'" + EmbeddedMariaDb.CONSOLE_USER + "'@'localhost'";
        var sql = new StringBuilder();
        sql.append("CREATE DATABASE IF NOT EXISTS ")
                .append(EmbeddedMariaDb.DATABASE)
                .append(" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
        // Only a password: mysql_install_db also lets the OS user root in through the socket.
        sql.append("ALTER USER 'root'@'localhost' IDENTIFIED BY PASSWORD '")
                .append(nativeHash(credentials.rootPassword()))
                .append("';\n");
        sql.append("CREATE USER IF NOT EXISTS ")
                .append(console)
                .append(" IDENTIFIED BY PASSWORD '")
                .append(nativeHash(credentials.consolePassword()))
                .append("';\n");
        sql.append("ALTER USER ")
                .append(console)
                .append(" IDENTIFIED BY PASSWORD '")
                .append(nativeHash(credentials.consolePassword()))
                .append("';\n");
        // Its own schema (Flyway creates tables, triggers and partitions there), plus what the
        // Database screen reads: index use from performance_schema, redundant indexes from sys.
        sql.append("GRANT ALL PRIVILEGES ON ")
                .append(EmbeddedMariaDb.DATABASE)
                .append(".* TO ")
                .append(console)
                .append(";\n");
        // The scratch schemas a backup is restored into to verify it before a migration (dbadmin.Backups).
        sql.append("GRANT ALL PRIVILEGES ON `")
                .append(EmbeddedMariaDb.DATABASE)
                .append("\\_verify\\_%`.* TO ")
                .append(console)
                .append(";\n");
        sql.append("GRANT SELECT ON performance_schema.* TO ").append(console).append(";\n");
        sql.append("GRANT SELECT, EXECUTE ON sys.* TO ").append(console).append(";\n");
        // What mysql_secure_installation removes: anonymous accounts and everyone's rights on test.
        sql.append("DELETE FROM mysql.global_priv WHERE User = '';\n");
        sql.append("DELETE FROM mysql.db WHERE Db = 'test' OR Db = 'test\\\\_%';\n");
        if (!osUser.isBlank()
                && !osUser.equals("root")
                && !osUser.equals(EmbeddedMariaDb.CONSOLE_USER)
                && osUser.matches("[A-Za-z0-9_.-]{1,80}")) {
            // A non-root OS user gets a password-less socket account from mysql_install_db.
            sql.append("DROP USER IF EXISTS '").append(osUser).append("'@'localhost';\n");
        }
        sql.append("FLUSH PRIVILEGES;\n");
        return sql.toString();
    }

    /** MariaDB's mysql_native_password hash: '*' and the upper-case hex of SHA1(SHA1(password)). */
    static String nativeHash(String password) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            var once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
