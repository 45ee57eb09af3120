package com.infraconsole.dbadmin;

import com.infraconsole.dbadmin.AdoptionModel.Plan;
import com.infraconsole.dbadmin.AdoptionModel.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.ClassPathResource;

/**
 * Takes over the old platform's database in place (db-adopt). Its Alembic history is known from the
 * guide as six steps, which V1 to V6 rebuild; the guide names no revision ids, so the step is found
 * by the schema's shape, compared with what V1..Vn give in a scratch schema, and the revision in
 * alembic_version is recorded with it. Then: a backup, a Flyway baseline at that step, and the
 * remaining migrations. V10 keeps the old audit rows in audit_logs_legacy.
 */
class LegacyAdoption {

    /** The old platform's migration history, oldest first; step n is Flyway's Vn. */
    static final List<String> STEPS = List.of(
            "Initial schema - users, servers, playbooks, jobs, job_logs, tickets, audit_logs",
            "Add location column to servers table",
            "Widen servers.description to TEXT",
            "Add servers.created_by foreign key",
            "Add idx_jobs_completed_at",
            "Seed environments");

    private static final int ENVIRONMENTS_STEP = AdoptionModel.OLD_HISTORY_STEPS;
    private static final Map<Long, String> SEEDED = Map.of(1L, "development", 2L, "staging", 3L, "production");
    private static final String LEGACY_AUDIT_COLUMNS =
            "id, user_id, action, entity_type, entity_id, details, ip_address, created_at";

    private final Backups backups;
    private final Migrations migrations;

    LegacyAdoption(Backups backups, Migrations migrations) {
        this.backups = backups;
        this.migrations = migrations;
    }

    /** Looks, changes nothing (but a scratch schema it drops again). */
    Plan plan() {
        var db = backups.connection();
        var database = db.database();
        try (var c = new SchemaLoader(db).open()) {
            var tables = tables(c);
            if (tables.contains("flyway_schema_history")) {
                return refused(
                        database,
                        null,
                        "the schema is already managed by Flyway (schema version " + migrations.currentVersion()
                                + "): nothing to adopt; init-db applies what is pending");
            }
            if (!tables.contains("alembic_version")) {
                return refused(
                        database,
                        null,
                        tables.isEmpty()
                                ? "the schema is empty: nothing to adopt; init-db creates the console's schema"
                                : "no alembic_version table: this is not a database of the old platform's migration history");
            }
            var revisions = strings(c, "SELECT version_num FROM alembic_version ORDER BY version_num");
            if (revisions.size() != 1) {
                return refused(
                        database,
                        null,
                        revisions.isEmpty()
                                ? "alembic_version is empty: the old platform never recorded a revision"
                                : "alembic_version holds several heads " + revisions
                                        + ": merge them with the old platform first (flask db merge heads, flask db upgrade)");
            }
            var revision = revisions.getFirst();
            var live = SchemaShape.read(c, database, Set.of("alembic_version"));
            var expected = expectedShapes(db);
            int best = 0;
            List<String> bestDifferences = null;
            for (int i = 0; i < expected.size(); i++) {
                var differences = expected.get(i).differencesFrom(live);
                if (bestDifferences == null || differences.size() <= bestDifferences.size()) {
                    best = i;
                    bestDifferences = differences;
                }
                if (differences.isEmpty()) {
                    break;
                }
            }
            int step = best + 1;
            if (!bestDifferences.isEmpty()) {
                return new Plan(
                        database,
                        revision,
                        step,
                        STEPS.get(best),
                        null,
                        List.of(),
                        0,
                        bestDifferences,
                        "the schema does not have the shape the old platform's history gives it at any step; closest is step "
                                + step + " (" + STEPS.get(best) + "), from which it differs in "
                                + bestDifferences.size()
                                + " point(s)");
            }
            if (step == ENVIRONMENTS_STEP) {
                var conflicts = environmentConflicts(c);
                if (!conflicts.isEmpty()) {
                    return new Plan(
                            database,
                            revision,
                            step,
                            STEPS.get(best),
                            null,
                            List.of(),
                            0,
                            conflicts,
                            "the environments rows do not fit the ones V6 seeds");
                }
            }
            var baseline = String.valueOf(baselineOf(step));
            return new Plan(
                    database,
                    revision,
                    step,
                    STEPS.get(best),
                    baseline,
                    migrations.resolvedAbove(baseline),
                    count(c, "audit_logs"),
                    List.of(),
                    null);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not inspect " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adopts a schema whose plan is adoptable: backup (verified unless INFRA_BACKUP_BEFORE_MIGRATE=false),
     * baseline, migrate. A failure after the backup says where the backup is.
     */
    Result adopt(Plan plan, String actor) {
        if (!plan.adoptable()) {
            throw new BackupRefusedException("db-adopt refused: " + plan.refusal());
        }
        var backup = backups.take(null, "pre-adopt", actor);
        boolean verify = backups.settings().beforeMigrate();
        if (verify) {
            var verification = backups.verify(backup);
            if (!verification.ok()) {
                throw new BackupRefusedException(
                        "The backup before adopting (" + backup.file() + ") could not be verified: "
                                + String.join("; ", verification.problems()) + ". Nothing was changed.");
            }
        }
        var loader = new SchemaLoader(backups.connection());
        try (var c = loader.open();
                var s = c.createStatement()) {
            var before = digest(c, "audit_logs");
            if (plan.step() == ENVIRONMENTS_STEP) {
                // V6 creates and seeds the console's environments table; the old one waits aside.
                s.execute("RENAME TABLE environments TO alembic_environments");
            }
            migrations.baseline(
                    plan.baselineVersion(), "Adopted: Alembic " + plan.revision() + ", " + plan.stepDescription());
            var migrated = migrations.migrate();
            if (plan.step() == ENVIRONMENTS_STEP) {
                s.execute("INSERT INTO environments (id, name, description) SELECT id, name, description "
                        + "FROM alembic_environments ON DUPLICATE KEY UPDATE description = VALUES(description)");
                s.execute("DROP TABLE alembic_environments");
            }
            var after = digest(c, "audit_logs_legacy");
            if (!after.equals(before)) {
                throw new IllegalStateException("the old audit rows changed on the way into audit_logs_legacy ("
                        + before + " before, " + after + " after)");
            }
            return new Result(
                    plan,
                    backup,
                    verify,
                    migrated.applied(),
                    migrations.currentVersion(),
                    after.rows(),
                    after.sha256());
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException(
                    "db-adopt failed: " + e.getMessage() + ". The database as it was before is in " + backup.file()
                            + " (db-restore " + backup.file() + ")",
                    e);
        }
    }

    /**
     * Stops a start on the old platform's database before anything is backed up or migrated: Flyway
     * would only say that the schema is not empty, which does not tell the operator what to do.
     */
    static void refuseUnadopted(Backups backups, Flyway flyway) {
        if (flyway.info().current() != null) {
            return;
        }
        DumpConnection db;
        try {
            db = backups.connection();
        } catch (IllegalStateException e) {
            return; // a URL the dump tools cannot use: nothing to look into here, Flyway goes on as before
        }
        try (var c = new SchemaLoader(db).open()) {
            var tables = tables(c);
            if (tables.contains("alembic_version") && !tables.contains("flyway_schema_history")) {
                throw new BackupRefusedException(
                        "Not migrating " + db.database() + ": it is the old platform's database "
                                + "(it has alembic_version and no Flyway history). Take it over with db-adopt first "
                                + "(java -jar infra-console.jar db-adopt --dry-run shows what it would do).");
            }
        } catch (SQLException e) {
            // Flyway's own migrate reports an unreachable or unreadable schema next
        }
    }

    /** The old platform's step n is V1..Vn, except the last, whose environments table V6 builds anew. */
    static int baselineOf(int step) {
        return step == ENVIRONMENTS_STEP ? ENVIRONMENTS_STEP - 1 : step;
    }

    /** Shapes after each step, built by this jar's V1..V5 (and the old environments table) in a scratch schema. */
    private List<SchemaShape> expectedShapes(DumpConnection db) throws SQLException {
        // Named like the backup verification's scratch schemas, so one grant covers both.
        var scratch = db.database() + "_verify_adopt_" + Long.toHexString(System.nanoTime() & 0xffffffL);
        var loader = new SchemaLoader(db);
        try (var c = loader.open();
                var s = c.createStatement()) {
            try {
                s.execute("CREATE DATABASE " + SchemaLoader.name(scratch)
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                throw new SQLException(
                        "the account " + db.user() + " cannot create the scratch schema " + scratch
                                + " to build the old history's shapes in (" + e.getMessage()
                                + "); adopting needs the CREATE and "
                                + "DROP privileges on `" + db.database() + "\\_verify\\_%`.*",
                        e);
            }
            try {
                var shapes = new ArrayList<SchemaShape>();
                var skip = Set.of("flyway_schema_history");
                for (int v = 1; v < ENVIRONMENTS_STEP; v++) {
                    Flyway.configure(getClass().getClassLoader())
                            .dataSource(db.jdbcUrl(), db.user(), db.password())
                            .locations(migrations.locations())
                            .schemas(scratch)
                            .defaultSchema(scratch)
                            .createSchemas(false)
                            .target(String.valueOf(v))
                            .load()
                            .migrate();
                    shapes.add(SchemaShape.read(c, scratch, skip));
                }
                s.execute("USE " + SchemaLoader.name(scratch));
                s.execute(oldEnvironmentsTable());
                shapes.add(shapes.getLast().with("environments", SchemaShape.read(c, scratch, skip)));
                return shapes;
            } finally {
                s.execute("DROP DATABASE IF EXISTS " + SchemaLoader.name(scratch));
            }
        }
    }

    private static String oldEnvironmentsTable() {
        try {
            var sql = new ClassPathResource("db/adopt/alembic-environments.sql")
                    .getContentAsString(StandardCharsets.UTF_8);
            return sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("db/adopt/alembic-environments.sql is missing from the jar", e);
        }
    }

    /** Old rows that V6's seed would contradict: ids 1-3 must be the guide's three, other ids other names. */
    private static List<String> environmentConflicts(Connection c) throws SQLException {
        var conflicts = new ArrayList<String>();
        try (var s = c.createStatement();
                var rs = s.executeQuery("SELECT id, name FROM environments ORDER BY id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                var name = rs.getString(2);
                var seeded = SEEDED.get(id);
                if (seeded != null && !seeded.equals(name)) {
                    conflicts.add("environments: row " + id + " is named '" + name + "', the guide's seed names it '"
                            + seeded + "'");
                } else if (seeded == null && SEEDED.containsValue(name)) {
                    conflicts.add("environments: row " + id + " is named '" + name
                            + "', which the guide's seed gives another id");
                }
            }
        }
        return conflicts;
    }

    record Digest(long rows, String sha256) {}

    /** Count and SHA-256 of the old audit rows, in id order: the proof that they arrived unchanged. */
    private static Digest digest(Connection c, String table) throws SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long rows = 0;
        try (var s = c.createStatement();
                var rs = s.executeQuery("SELECT " + LEGACY_AUDIT_COLUMNS + " FROM " + table + " ORDER BY id")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    line.append(i > 1 ? "\u001f" : "").append(rs.getString(i) == null ? "\u0000" : rs.getString(i));
                }
                sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                rows++;
            }
        }
        return new Digest(rows, HexFormat.of().formatHex(sha.digest()));
    }

    private static Plan refused(String database, String revision, String why) {
        return new Plan(database, revision, 0, null, null, List.of(), 0, List.of(), why);
    }

    private static List<String> tables(Connection c) throws SQLException {
        return strings(
                c,
                "SELECT table_name FROM information_schema.TABLES WHERE table_schema = DATABASE() "
                        + "AND table_type = 'BASE TABLE'");
    }

    private static long count(Connection c, String table) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM " + SchemaLoader.name(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        var out = new ArrayList<String>();
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
