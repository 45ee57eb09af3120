package com.infraconsole.dbadmin;

import com.infraconsole.dbadmin.DbAdminModel.AppliedScript;
import com.infraconsole.dbadmin.DbAdminModel.MigrateResult;
import com.infraconsole.dbadmin.DbAdminModel.MigrationRow;
import com.infraconsole.dbadmin.DbAdminModel.MigrationStatus;
import com.infraconsole.dbadmin.DbAdminModel.PendingMigration;
import com.infraconsole.dbadmin.DbAdminModel.RepairReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * Flyway's history, pending scripts with their SQL, validation and migrate, for one Flyway
 * instance: the application's bean, or (spring.flyway.enabled=false) one built on the same
 * DataSource and locations, see DbAdminConfiguration.
 */
class Migrations {

    private final Flyway flyway;
    private final boolean migrateOnStart;
    private final Supplier<MigrationLint> lint;
    private final ResourceLoader resources = new DefaultResourceLoader(Migrations.class.getClassLoader());

    Migrations(Flyway flyway, boolean migrateOnStart) {
        this(flyway, migrateOnStart, null);
    }

    /** @param lint made afresh for each status (it reads the table size estimates), null for none */
    Migrations(Flyway flyway, boolean migrateOnStart, Supplier<MigrationLint> lint) {
        this.flyway = flyway;
        this.migrateOnStart = migrateOnStart;
        this.lint = lint;
    }

    MigrationStatus status() {
        var info = flyway.info();
        var all = Arrays.stream(info.all()).map(Migrations::row).toList();
        var pending = pending(info.pending());
        var failed = Arrays.stream(info.all())
                .filter(m -> m.getState() == MigrationState.FAILED)
                .map(Migrations::row)
                .toList();
        var current = info.current();
        var validation = flyway.validateWithResult();
        List<String> errors = validation.invalidMigrations == null
                ? List.of()
                : validation.invalidMigrations.stream()
                        .map(v -> (v.version == null || v.version.isEmpty() ? "" : "V" + v.version + " ")
                                + (v.errorDetails == null ? v.description : v.errorDetails.errorMessage))
                        .toList();
        if (!validation.validationSuccessful && errors.isEmpty()) {
            errors = List.of(validation.getAllErrorMessages());
        }
        return new MigrationStatus(
                current == null ? null : current.getVersion().toString(),
                current == null ? null : current.getDescription(),
                all,
                pending,
                failed,
                validation.validationSuccessful,
                errors,
                migrateOnStart);
    }

    private List<PendingMigration> pending(MigrationInfo[] pending) {
        var linter = pending.length == 0 || lint == null ? null : lint.get();
        return Arrays.stream(pending)
                .map(m -> {
                    var sql = sqlOf(m);
                    return new PendingMigration(row(m), sql, linter == null ? List.of() : linter.check(sql));
                })
                .toList();
    }

    /** The SQL of an applied migration, as this jar has it, and whether its checksum still matches. */
    Optional<AppliedScript> applied(String version) {
        var wanted = MigrationVersion.fromVersion(
                version.startsWith("V") || version.startsWith("v") ? version.substring(1) : version);
        return Arrays.stream(flyway.info().applied())
                .filter(m -> wanted.equals(m.getVersion()))
                .findFirst()
                .map(m -> new AppliedScript(row(m), sqlOf(m), m.getState().isResolved() && unchanged(m)));
    }

    private boolean unchanged(MigrationInfo m) {
        var invalid = flyway.validateWithResult().invalidMigrations;
        return invalid == null
                || invalid.stream().noneMatch(v -> m.getVersion().toString().equals(v.version));
    }

    RepairReport repair() {
        var r = flyway.repair();
        return new RepairReport(
                describe(r.migrationsRemoved),
                describe(r.migrationsDeleted),
                describe(r.migrationsAligned),
                r.repairActions == null ? List.of() : List.copyOf(r.repairActions));
    }

    private static List<String> describe(List<org.flywaydb.core.api.output.RepairOutput> list) {
        return list == null
                ? List.of()
                : list.stream().map(o -> "V" + o.version + " " + o.description).toList();
    }

    /** The applied schema version, or null on an empty schema; cheaper than {@link #status()}. */
    String currentVersion() {
        var current = flyway.info().current();
        return current == null ? null : current.getVersion().toString();
    }

    /** The highest version this jar has a script for: a dump of a newer schema is not ours to restore. */
    MigrationVersion highestKnown() {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .orElse(MigrationVersion.EMPTY);
    }

    /**
     * Records an existing schema as being at {@code version} without running anything: the
     * migrations up to it are taken as applied (db-adopt). Flyway refuses when a history exists.
     */
    void baseline(String version, String description) {
        var conf = flyway.getConfiguration();
        Flyway.configure(conf.getClassLoader())
                .configuration(conf)
                .baselineVersion(version)
                .baselineDescription(description)
                .load()
                .baseline();
    }

    /** The migrations this jar has above {@code version}: what a schema baselined there gets. */
    List<String> resolvedAbove(String version) {
        var from = MigrationVersion.fromVersion(version);
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getVersion() != null && m.getVersion().isNewerThan(from))
                .map(m -> "V" + m.getVersion() + " " + m.getDescription())
                .distinct()
                .toList();
    }

    /** The locations this jar's migrations come from. */
    String[] locations() {
        return Arrays.stream(flyway.getConfiguration().getLocations())
                .map(Object::toString)
                .toArray(String[]::new);
    }

    /** The version the next migrate would apply first, null when nothing is pending. */
    String firstPendingVersion() {
        var pending = flyway.info().pending();
        return pending.length == 0 || pending[0].getVersion() == null
                ? null
                : pending[0].getVersion().toString();
    }

    int pendingCount() {
        return flyway.info().pending().length;
    }

    MigrateResult migrate() {
        var result = flyway.migrate();
        return new MigrateResult(
                result.migrationsExecuted, result.initialSchemaVersion, result.targetSchemaVersion, null, null);
    }

    private static MigrationRow row(MigrationInfo m) {
        return new MigrationRow(
                m.getVersion() == null ? "" : m.getVersion().toString(),
                m.getDescription(),
                m.getType() == null ? "" : m.getType().name(),
                m.getState().getDisplayName(),
                m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant(),
                m.getInstalledBy(),
                m.getExecutionTime(),
                m.getChecksum(),
                m.getScript());
    }

    /** The script's text from where Flyway resolved it: a file, or a classpath location. */
    private String sqlOf(MigrationInfo m) {
        try {
            var physical = m.getPhysicalLocation();
            if (physical != null && !physical.isBlank() && Files.isReadable(Path.of(physical))) {
                return Files.readString(Path.of(physical), StandardCharsets.UTF_8);
            }
            for (var location : flyway.getConfiguration().getLocations()) {
                var prefix = location.isClassPath() ? "classpath:" : location.isFileSystem() ? "file:" : null;
                if (prefix == null) {
                    continue;
                }
                var resource = resources.getResource(prefix + location.getRootPath() + "/" + m.getScript());
                if (resource.exists()) {
                    return resource.getContentAsString(StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "-- could not read " + m.getScript() + ": " + e.getMessage();
        }
        return "-- " + m.getScript() + " is not a SQL file this screen can read (Java or remote migration)";
    }
}
