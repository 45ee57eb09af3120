package com.infraconsole.dbadmin;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Host, port, schema and account of the console's datasource, as the dump and restore tools need
 * them. Taken from spring.datasource.url / username / password (a user or password given in the
 * URL also counts), so it follows whatever the datasource uses, embedded or not.
 */
record DumpConnection(String jdbcUrl, String host, int port, String database, String user, String password) {

    private static final Pattern URL =
            Pattern.compile("jdbc:(?:mariadb|mysql)://\\[?([^/:?,\\]]+)\\]?(?::(\\d+))?/([^?;]+)(?:[?;](.*))?");

    static DumpConnection of(String jdbcUrl, String username, String password) {
        var m = jdbcUrl == null ? null : URL.matcher(jdbcUrl.trim());
        if (m == null || !m.matches()) {
            throw new IllegalStateException(
                    "Cannot take a backup of " + com.infraconsole.base.database.DatabaseSettings.mask(jdbcUrl)
                            + ": only jdbc:mariadb://host[:port]/schema and jdbc:mysql://… URLs with one host are supported");
        }
        var user = username;
        var pw = password;
        if (m.group(4) != null) {
            for (var param : m.group(4).split("[&;]")) {
                var kv = param.split("=", 2);
                if (kv.length == 2 && kv[0].equalsIgnoreCase("user") && (user == null || user.isBlank())) {
                    user = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                } else if (kv.length == 2 && kv[0].equalsIgnoreCase("password") && (pw == null || pw.isEmpty())) {
                    pw = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                }
            }
        }
        return new DumpConnection(
                jdbcUrl.trim(),
                m.group(1),
                m.group(2) == null ? 3306 : Integer.parseInt(m.group(2)),
                m.group(3),
                user,
                pw == null ? "" : pw);
    }

    /**
     * Writes a client option file (mode 0600, in a new private directory) that the tool reads with
     * --defaults-extra-file: a password on the command line would be visible to everyone in ps.
     * The caller deletes the directory with {@link #deleteOptionFile}.
     */
    Path writeOptionFile() throws IOException {
        var dir = Files.createTempDirectory(
                "infra-dump-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        var file = dir.resolve("client.cnf");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        var text = "[client]\n" + "host=" + quoted(host) + "\n" + "port=" + port + "\n" + "protocol=TCP\n"
                + (user == null || user.isBlank() ? "" : "user=" + quoted(user) + "\n")
                + "password=" + quoted(password) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static void deleteOptionFile(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            // a leftover empty private directory in the temp dir is harmless; the file went first
        }
    }

    /** Option file values: double quotes, with backslash escapes for \ " and line breaks. */
    static String quoted(String value) {
        return "\""
                + value.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r") + "\"";
    }

    @Override
    public String toString() {
        return "DumpConnection[" + host + ":" + port + "/" + database + ", user " + user + "]";
    }
}
