package com.infraconsole.dbadmin;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * After "roll back to before V41" the schema is older than the release that ran the rollback. Started
 * again, that release would apply V41 on its own at once and undo the rollback. The start-up
 * migration therefore refuses while the latest rollback's version is pending: the older release
 * starts (it does not know V41), and applying V41 again is a deliberate act (init-db, or the
 * Database screen with INFRA_MIGRATE_ON_START=false).
 */
final class RollbackGuard {

    private RollbackGuard() {}

    /** Why the start-up migration must not run, or empty. */
    static Optional<String> refusal(Flyway flyway) {
        var pending = flyway.info().pending();
        if (pending.length == 0) {
            return Optional.empty();
        }
        try (var c = flyway.getConfiguration().getDataSource().getConnection();
                var s = c.prepareStatement("SELECT entity_id, occurred_at, username FROM audit_logs WHERE action = ? "
                        + "AND outcome = 'SUCCESS' ORDER BY seq DESC LIMIT 1")) {
            s.setString(1, RollbackService.ACTION);
            try (var rs = s.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
                var version = MigrationVersion.fromVersion(rs.getString(1));
                if (Arrays.stream(pending).noneMatch(m -> version.equals(m.getVersion()))) {
                    return Optional.empty();
                }
                return Optional.of("Not migrating on start: the schema was rolled back to before V" + version + " ("
                        + rs.getString(2) + " UTC, by " + rs.getString(3) + ") and this release would apply V" + version
                        + " again. Start the release that matches schema version "
                        + (flyway.info().current() == null
                                ? "none"
                                : flyway.info().current().getVersion())
                        + ", or apply V" + version
                        + " deliberately: init-db, or INFRA_MIGRATE_ON_START=false and Apply "
                        + "on the Database screen.");
            }
        } catch (SQLException e) {
            return Optional.empty(); // no audit table yet (a new schema): nothing was ever rolled back
        }
    }
}
