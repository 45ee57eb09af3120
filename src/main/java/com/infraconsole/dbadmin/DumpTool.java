package com.infraconsole.dbadmin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * mariadb-dump (or mysqldump) run as a child process, its output gzipped into a file while its
 * SHA-256 is computed. For the embedded server the dump tool of its own distribution is used
 * (under {@code <data-dir>/mariadb-base/bin}); otherwise the one on the PATH, or the one named
 * by INFRA_BACKUP_DUMP_TOOL.
 */
final class DumpTool {

    /** The gzipped file's hash and size. */
    record Written(String sha256, long bytes) {}

    private final Path executable;

    private DumpTool(Path executable) {
        this.executable = executable;
    }

    static DumpTool locate(String configured, Path dataDir, boolean embedded) {
        if (configured != null && !configured.isBlank()) {
            var p = Path.of(configured);
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException("INFRA_BACKUP_DUMP_TOOL " + configured + " is not an executable file");
            }
            return new DumpTool(p);
        }
        var bundled = dataDir.resolve("mariadb-base/bin/mariadb-dump");
        if (embedded && Files.isExecutable(bundled)) {
            return new DumpTool(bundled);
        }
        for (var name : List.of("mariadb-dump", "mysqldump")) {
            for (var dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                var p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return new DumpTool(p);
                }
            }
        }
        if (Files.isExecutable(bundled)) {
            return new DumpTool(bundled);
        }
        throw new IllegalStateException("No dump tool found: install mariadb-dump or mysqldump (Debian package "
                + "mariadb-client), or name one with INFRA_BACKUP_DUMP_TOOL");
    }

    Path executable() {
        return executable;
    }

    String version() {
        try {
            var p = new ProcessBuilder(executable.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            var text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return text;
        } catch (IOException e) {
            return executable.getFileName().toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return executable.getFileName().toString();
        }
    }

    /** Dumps the schema into {@code target} (gzip); the password travels in a 0600 option file only. */
    Written dump(DumpConnection connection, Path target) {
        Path options = null;
        try {
            options = connection.writeOptionFile();
            var command = new ArrayList<>(List.of(
                    executable.toString(),
                    "--defaults-extra-file=" + options, // must come first
                    "--single-transaction",
                    "--routines",
                    "--triggers",
                    "--hex-blob",
                    "--no-tablespaces",
                    "--default-character-set=utf8mb4",
                    connection.database()));
            var process = new ProcessBuilder(command)
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            var stderr = new ByteArrayOutputStream();
            var errors = Thread.ofVirtual().start(() -> copyQuietly(process.getErrorStream(), stderr));
            var digest = MessageDigest.getInstance("SHA-256");
            try (var file = Files.newOutputStream(target);
                    var hashed = new DigestOutputStream(file, digest);
                    var gzip = new GZIPOutputStream(hashed, 1 << 16)) {
                process.getInputStream().transferTo(gzip);
            }
            int exit = process.waitFor();
            errors.join();
            if (exit != 0) {
                Files.deleteIfExists(target);
                throw new IllegalStateException(executable.getFileName() + " failed (exit " + exit + "): "
                        + lastLines(stderr.toString(StandardCharsets.UTF_8)));
            }
            return new Written(HexFormat.of().formatHex(digest.digest()), Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dumping the database", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            DumpConnection.deleteOptionFile(options);
        }
    }

    private static void copyQuietly(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the exit code reports the failure
        }
    }

    private static String lastLines(String text) {
        var lines = text.strip().lines().toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
