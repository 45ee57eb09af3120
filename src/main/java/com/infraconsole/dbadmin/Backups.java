package com.infraconsole.dbadmin;

import com.infraconsole.base.UtcTime;
import com.infraconsole.dbadmin.BackupModel.Backup;
import com.infraconsole.dbadmin.BackupModel.Verification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file side of backups: take one (dump, hash, manifest), keep the last N, and check one
 * before it is restored. Security and the audit trail are BackupService's.
 */
class Backups {

    static final String PRE_MIGRATE = "pre-migrate";
    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final BackupSettings settings;
    private final Supplier<DumpConnection> connection;
    private final Migrations migrations;
    private final Clock clock;

    Backups(BackupSettings settings, Supplier<DumpConnection> connection, Migrations migrations, Clock clock) {
        this.settings = settings;
        this.connection = connection;
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
            var base = "infra-console-" + db.database() + "-" + UtcTime.fileStamp(now) + "-v"
                    + (schemaVersion == null ? "0" : schemaVersion) + ("manual".equals(reason) ? "" : "-" + reason);
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
            var manifest = new BackupManifest(
                    BackupManifest.FORMAT,
                    file.getFileName().toString(),
                    written.sha256(),
                    written.bytes(),
                    db.database(),
                    schemaVersion,
                    serverVersion(db),
                    now.toString(),
                    actor,
                    reason,
                    tool.version(),
                    DumpContents.rowCounts(file),
                    PRE_MIGRATE.equals(reason) ? migrations.firstPendingVersion() : null);
            var manifestFile = BackupManifest.manifestOf(file);
            manifest.write(manifestFile);
            prune(target, db.database());
            return new Backup(file, manifestFile, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * The verification of a backup: restored into a scratch schema next to the live one, its
     * tables counted and compared with the manifest, the scratch schema dropped again.
     */
    /** The account the server checks privileges against, quoted for a GRANT: 'user'@'host'. */
    private static String account(java.sql.Statement s) throws SQLException {
        try (var rs = s.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            var current = rs.getString(1);
            int at = current.lastIndexOf('@');
            return at < 0
                    ? "'" + current + "'"
                    : "'" + current.substring(0, at) + "'@'" + current.substring(at + 1) + "'";
        }
    }

    Verification verify(Backup backup) {
        var db = connection.get();
        var scratch = db.database() + "_verify_" + Long.toHexString(System.nanoTime() & 0xffffffL);
        var loader = new SchemaLoader(db);
        try (var c = loader.open();
                var s = c.createStatement()) {
            try {
                s.execute("CREATE DATABASE " + SchemaLoader.name(scratch)
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                // The driver's text (account, statement) goes to the log; the screen gets the grant to run.
                log.warn("Cannot create the scratch schema {} to verify a backup: {}", scratch, e.getMessage());
                return new Verification(
                        false,
                        scratch,
                        List.of("the console's database account may not create the "
                                + "scratch schema a backup is verified in. A database administrator can allow it with: GRANT "
                                + "ALL PRIVILEGES ON `" + db.database() + "\\_verify\\_%`.* TO " + account(s)
                                + "; (or set INFRA_BACKUP_BEFORE_MIGRATE=false)"));
            }
        } catch (SQLException e) {
            log.warn("Cannot connect to verify a backup: {}", e.getMessage());
            return new Verification(false, scratch, List.of("the database could not be reached to verify the backup"));
        }
        try {
            loader.load(backup.file(), scratch);
            var counted = loader.rowCounts(scratch);
            var problems = new ArrayList<String>();
            backup.manifest().tables().forEach((table, rows) -> {
                var found = counted.get(table);
                if (!rows.equals(found)) {
                    problems.add(table + ": " + rows + " rows in the dump, "
                            + (found == null ? "no table" : found + " rows") + " after restoring");
                }
            });
            return new Verification(problems.isEmpty(), scratch, problems);
        } catch (SQLException | RuntimeException e) {
            return new Verification(
                    false, scratch, List.of("restoring into " + scratch + " failed: " + e.getMessage()));
        } finally {
            try (var c = loader.open();
                    var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + SchemaLoader.name(scratch));
            } catch (SQLException e) {
                // reported by the next verification's CREATE at the latest; the scratch name is unique
            }
        }
    }

    /** Whether any table besides Flyway's history has a row: an empty schema needs no backup. */
    boolean holdsData() {
        var loader = new SchemaLoader(connection.get());
        try (var c = loader.open();
                var s = c.createStatement()) {
            var tables = new ArrayList<String>();
            try (var rs =
                    s.executeQuery("SELECT table_name FROM information_schema.TABLES WHERE table_schema = DATABASE() "
                            + "AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (var t : tables) {
                try (var rs = s.executeQuery("SELECT 1 FROM " + SchemaLoader.name(t) + " LIMIT 1")) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look into the schema: " + e.getMessage(), e);
        }
    }

    private static String serverVersion(DumpConnection db) {
        try (var c = new SchemaLoader(db).open()) {
            var meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Keeps the newest {@code keep} backups of this schema in the directory. */
    void prune(Path dir, String database) throws IOException {
        var prefix = "infra-console-" + database + "-";
        try (var files = Files.list(dir)) {
            var dumps = files.filter(p -> {
                        var n = p.getFileName().toString();
                        return n.startsWith(prefix) && n.endsWith(BackupManifest.DUMP_SUFFIX);
                    })
                    .sorted(Comparator.comparing(Backups::modified)
                            .thenComparing(p -> p.getFileName().toString())
                            .reversed())
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

    /**
     * The backups of this schema in the backup directory whose manifest reads, newest first; their
     * hashes are not checked here (restoring one checks it).
     */
    List<Backup> list() {
        var dir = settings.dir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        var prefix = "infra-console-" + connection.get().database() + "-";
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(BackupManifest.MANIFEST_SUFFIX))
                    .flatMap(p -> {
                        try {
                            var m = BackupManifest.read(p);
                            java.time.Instant.parse(m.createdAt());
                            return java.util.stream.Stream.of(new Backup(BackupManifest.dumpOf(p), p, m));
                        } catch (RuntimeException unreadable) {
                            return java.util.stream.Stream.empty(); // not ours to offer; db-restore names the problem
                        }
                    })
                    .sorted(Comparator.comparing((Backup b) ->
                                    java.time.Instant.parse(b.manifest().createdAt()))
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the backups in " + dir + ": " + e.getMessage(), e);
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
            throw new BackupRefusedException("No manifest " + manifestFile.getFileName() + " next to "
                    + file.getFileName() + ": without it the file's integrity cannot be checked");
        }
        BackupManifest manifest;
        try {
            manifest = BackupManifest.read(manifestFile);
        } catch (IllegalArgumentException e) {
            throw new BackupRefusedException(e.getMessage());
        }
        var actual = BackupManifest.sha256(file);
        if (!actual.equalsIgnoreCase(manifest.sha256())) {
            throw new BackupRefusedException(
                    "SHA-256 of " + file.getFileName() + " is " + actual + " but its manifest says " + manifest.sha256()
                            + ": the file was changed or damaged, refusing to restore it");
        }
        var known = migrations.highestKnown();
        if (manifest.schemaVersion() != null
                && MigrationVersion.fromVersion(manifest.schemaVersion()).isNewerThan(known)) {
            throw new BackupRefusedException("The backup holds schema version " + manifest.schemaVersion()
                    + ", newer than this console knows (" + known + "): restore it with a console of that version");
        }
        return new Backup(file, manifestFile, manifest);
    }
}
