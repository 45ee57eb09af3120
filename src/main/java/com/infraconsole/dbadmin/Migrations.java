package com.infraconsole.dbadmin;

import com.infraconsole.dbadmin.DbAdminModel.MigrateResult;
import com.infraconsole.dbadmin.DbAdminModel.MigrationRow;
import com.infraconsole.dbadmin.DbAdminModel.MigrationStatus;
import com.infraconsole.dbadmin.DbAdminModel.PendingMigration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
    private final ResourceLoader resources = new DefaultResourceLoader(Migrations.class.getClassLoader());

    Migrations(Flyway flyway, boolean migrateOnStart) {
        this.flyway = flyway;
        this.migrateOnStart = migrateOnStart;
    }

    MigrationStatus status() {
        var info = flyway.info();
        var all = Arrays.stream(info.all()).map(Migrations::row).toList();
        var pending = Arrays.stream(info.pending()).map(m -> new PendingMigration(row(m), sqlOf(m))).toList();
        var failed = Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FAILED).map(Migrations::row).toList();
        var current = info.current();
        var validation = flyway.validateWithResult();
        List<String> errors = validation.invalidMigrations == null ? List.of()
                : validation.invalidMigrations.stream()
                        .map(v -> (v.version == null || v.version.isEmpty() ? "" : "V" + v.version + " ")
                                + (v.errorDetails == null ? v.description : v.errorDetails.errorMessage))
                        .toList();
        if (!validation.validationSuccessful && errors.isEmpty()) {
            errors = List.of(validation.getAllErrorMessages());
        }
        return new MigrationStatus(current == null ? null : current.getVersion().toString(),
                current == null ? null : current.getDescription(), all, pending, failed,
                validation.validationSuccessful, errors, migrateOnStart);
    }

    /** The applied schema version, or null on an empty schema; cheaper than {@link #status()}. */
    String currentVersion() {
        var current = flyway.info().current();
        return current == null ? null : current.getVersion().toString();
    }

    /** The highest version this jar has a script for: a dump of a newer schema is not ours to restore. */
    MigrationVersion highestKnown() {
        return Arrays.stream(flyway.info().all()).filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
    }

    int pendingCount() {
        return flyway.info().pending().length;
    }

    MigrateResult migrate() {
        var result = flyway.migrate();
        return new MigrateResult(result.migrationsExecuted, result.initialSchemaVersion, result.targetSchemaVersion);
    }

    private static MigrationRow row(MigrationInfo m) {
        return new MigrationRow(m.getVersion() == null ? "" : m.getVersion().toString(), m.getDescription(),
                m.getType() == null ? "" : m.getType().name(), m.getState().getDisplayName(),
                m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant(), m.getInstalledBy(),
                m.getExecutionTime(), m.getChecksum(), m.getScript());
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
