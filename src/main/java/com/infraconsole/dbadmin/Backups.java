package com.infraconsole.dbadmin;

import com.infraconsole.dbadmin.BackupModel.Backup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Supplier;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The file side of backups: take one (dump, hash, manifest), keep the last N, and check one
 * before it is restored. Security and the audit trail are BackupService's.
 */
class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final BackupSettings settings;
    private final Supplier<DumpConnection> connection;
    private final JdbcTemplate jdbc;
    private final Migrations migrations;
    private final Clock clock;

    Backups(BackupSettings settings, Supplier<DumpConnection> connection, JdbcTemplate jdbc, Migrations migrations,
            Clock clock) {
        this.settings = settings;
        this.connection = connection;
        this.jdbc = jdbc;
        this.migrations = migrations;
        this.clock = clock;
    }

    BackupSettings settings() {
        return settings;
    }

    DumpConnection connection() {
        return connection.get();
    }

    Backup take(Path dir, String reason, String actor) {
        var target = dir == null ? settings.dir() : dir.toAbsolutePath().normalize();
        var db = connection.get();
        var tool = DumpTool.locate(settings.dumpTool(), settings.dataDir(), settings.embedded());
        var schemaVersion = migrations.currentVersion();
        var now = clock.instant();
        try {
            Files.createDirectories(target);
            var base = "infra-console-" + db.database() + "-" + STAMP.format(now) + "-v" + (schemaVersion == null ? "0"
                    : schemaVersion) + ("manual".equals(reason) ? "" : "-" + reason);
            var name = base;
            for (int n = 2; Files.exists(target.resolve(name + BackupManifest.DUMP_SUFFIX)); n++) {
                name = base + "-" + n;
            }
            var file = target.resolve(name + BackupManifest.DUMP_SUFFIX);
            var partial = target.resolve(name + BackupManifest.DUMP_SUFFIX + ".partial");
            DumpTool.Written written;
            try {
                written = tool.dump(db, partial);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            var manifest = new BackupManifest(BackupManifest.FORMAT, file.getFileName().toString(), written.sha256(),
                    written.bytes(), db.database(), schemaVersion, jdbc.queryForObject("SELECT VERSION()", String.class),
                    now.toString(), actor, reason, tool.version(), DumpContents.rowCounts(file));
            var manifestFile = BackupManifest.manifestOf(file);
            manifest.write(manifestFile);
            prune(target, db.database());
            return new Backup(file, manifestFile, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the newest {@code keep} backups of this schema in the directory. */
    void prune(Path dir, String database) throws IOException {
        var prefix = "infra-console-" + database + "-";
        try (var files = Files.list(dir)) {
            var dumps = files.filter(p -> {
                var n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(BackupManifest.DUMP_SUFFIX);
            }).sorted(Comparator.comparing(Backups::modified).thenComparing(p -> p.getFileName().toString()).reversed())
                    .toList();
            for (var old : dumps.subList(Math.min(settings.keep(), dumps.size()), dumps.size())) {
                Files.deleteIfExists(old);
                Files.deleteIfExists(BackupManifest.manifestOf(old));
            }
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The backup behind a path (its dump or its manifest), once its hash and schema version check out. */
    Backup check(Path given) {
        var file = BackupManifest.dumpOf(given.toAbsolutePath().normalize());
        var manifestFile = BackupManifest.manifestOf(file);
        if (!Files.isRegularFile(file)) {
            throw new BackupRefusedException("No backup file " + file);
        }
        if (!Files.isRegularFile(manifestFile)) {
            throw new BackupRefusedException("No manifest " + manifestFile.getFileName() + " next to " + file.getFileName()
                    + ": without it the file's integrity cannot be checked");
        }
        BackupManifest manifest;
        try {
            manifest = BackupManifest.read(manifestFile);
        } catch (IllegalArgumentException e) {
            throw new BackupRefusedException(e.getMessage());
        }
        var actual = BackupManifest.sha256(file);
        if (!actual.equalsIgnoreCase(manifest.sha256())) {
            throw new BackupRefusedException("SHA-256 of " + file.getFileName() + " is " + actual + " but its manifest says "
                    + manifest.sha256() + ": the file was changed or damaged, refusing to restore it");
        }
        var known = migrations.highestKnown();
        if (manifest.schemaVersion() != null && MigrationVersion.fromVersion(manifest.schemaVersion()).isNewerThan(known)) {
            throw new BackupRefusedException("The backup holds schema version " + manifest.schemaVersion()
                    + ", newer than this console knows (" + known + "): restore it with a console of that version");
        }
        return new Backup(file, manifestFile, manifest);
    }
}
