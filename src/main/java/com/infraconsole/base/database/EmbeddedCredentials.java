package com.infraconsole.base.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded MariaDB's two passwords, kept in {@code <data-dir>/mariadb-credentials.cnf}.
 *
 * <p>The file is a MariaDB option file: its {@code [client]} group (root, host, port) is what
 * {@code mariadb --defaults-extra-file=...} and {@code mariadb-dump} read; the console's own
 * account sits in {@code [infra-console]}, a group the client tools ignore. It is written with
 * mode 0600 from its first byte (a temporary file created with that mode, then renamed), and
 * rewritten on every start only to carry the current port.
 */
record EmbeddedCredentials(String rootPassword, String consolePassword) {

    static final String FILE_NAME = "mariadb-credentials.cnf";
    static final String CONSOLE_GROUP = "infra-console";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The passwords in the data directory's file, or new random ones when there is no file yet. */
    static EmbeddedCredentials loadOrGenerate(Path dataRoot) throws IOException {
        var file = dataRoot.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new EmbeddedCredentials(randomPassword(), randomPassword());
        }
        var groups = parse(Files.readString(file, StandardCharsets.UTF_8));
        var root = groups.getOrDefault("client", Map.of()).get("password");
        var console = groups.getOrDefault(CONSOLE_GROUP, Map.of()).get("password");
        if (root == null || root.isBlank() || console == null || console.isBlank()) {
            throw new IllegalStateException(file + " lacks a password under [client] or [" + CONSOLE_GROUP
                    + "]: fix it, or delete it to have new passwords generated on the next start");
        }
        return new EmbeddedCredentials(root, console);
    }

    void write(Path dataRoot, int port) throws IOException {
        var text = """
                # Passwords of the embedded MariaDB, generated on its first start. Keep this file private (0600).
                # The console sets both accounts to these passwords on every start: to change them, stop the
                # console and edit or delete this file (deleted, new passwords are generated).
                # Connect as root: mariadb --defaults-extra-file=%1$s infra_console
                [client]
                user=root
                password=%2$s
                host=127.0.0.1
                port=%3$d

                [%4$s]
                user=%5$s
                password=%6$s
                """.formatted(
                        dataRoot.resolve(FILE_NAME),
                        rootPassword,
                        port,
                        CONSOLE_GROUP,
                        EmbeddedMariaDb.CONSOLE_USER,
                        consolePassword);
        writePrivate(dataRoot.resolve(FILE_NAME), text);
    }

    /** Writes a file that no other OS user can read at any moment: created 0600, then renamed into place. */
    static void writePrivate(Path file, String text) throws IOException {
        var tmp = Files.createTempFile(
                file.getParent(),
                "." + file.getFileName(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Map<String, Map<String, String>> parse(String text) {
        var groups = new HashMap<String, Map<String, String>>();
        var current = new HashMap<String, String>();
        for (var raw : text.lines().toList()) {
            var line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new HashMap<>();
                groups.put(line.substring(1, line.length() - 1).strip(), current);
            } else if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith(";") && line.contains("=")) {
                var eq = line.indexOf('=');
                current.put(
                        line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return groups;
    }

    /** 32 letters and digits (about 185 bits): nothing an option file or SQL string would need to quote. */
    private static String randomPassword() {
        var sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[passwords hidden]";
    }
}
