package com.infraconsole.dbadmin;

import com.infraconsole.dbadmin.BackupModel.Backup;
import java.util.List;

/** What db-adopt shows before it changes anything, and what it did. */
public final class AdoptionModel {

    /** The steps of the old platform's Alembic history, as its guide describes them. */
    public static final int OLD_HISTORY_STEPS = 6;

    private AdoptionModel() {}

    /**
     * The old platform's database as found. {@code refusal} is null when it can be adopted; then
     * {@code step} is the step of the old migration history whose shape it has exactly.
     *
     * @param revision the Alembic revision in alembic_version (null when there is none, or several)
     * @param differences what differs from the closest step's shape, when nothing matched
     * @param baselineVersion the Flyway version the schema is recorded at before migrating
     * @param toApply the migrations that run after the baseline
     */
    public record Plan(
            String database,
            String revision,
            int step,
            String stepDescription,
            String baselineVersion,
            List<String> toApply,
            long legacyAuditRows,
            List<String> differences,
            String refusal) {

        public boolean adoptable() {
            return refusal == null;
        }
    }

    /**
     * @param legacyAuditSha256 SHA-256 over the old audit rows, the same before and after (in audit_logs_legacy)
     */
    public record Result(
            Plan plan,
            Backup backup,
            boolean backupVerified,
            int applied,
            String schemaVersion,
            long legacyAuditRows,
            String legacyAuditSha256) {}
}
