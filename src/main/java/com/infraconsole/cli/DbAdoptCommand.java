package com.infraconsole.cli;

import com.infraconsole.dbadmin.AdoptionModel;
import com.infraconsole.dbadmin.AdoptionModel.Plan;
import com.infraconsole.dbadmin.AdoptionService;
import com.infraconsole.dbadmin.BackupRefusedException;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code db-adopt [--dry-run] [--yes]}: takes over the old platform's database (infra_automation,
 * with its Alembic history) in place. Shows what it found and what it will do; refuses a schema
 * whose shape fits no step of the old history, naming each difference; asks before changing
 * anything unless given --yes. Exits 0 when adopted (or, with --dry-run, when adoptable).
 */
@Component
class DbAdoptCommand implements CliCommand {

    private final AdoptionService adoption;

    DbAdoptCommand(AdoptionService adoption) {
        this.adoption = adoption;
    }

    @Override
    public String name() {
        return "db-adopt";
    }

    @Override
    public String summary() {
        return "[--dry-run] [--yes] take over the old platform's database and its Alembic history (backs up first)";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        try {
            var plan = adoption.plan();
            print(plan, out);
            if (!plan.adoptable()) {
                out.println("db-adopt refused: " + plan.refusal() + ". Nothing was changed.");
                return 1;
            }
            if (args.contains("--dry-run")) {
                out.println("Dry run: nothing was changed.");
                return 0;
            }
            if (!args.contains("--yes") && !confirmed(in, out, plan.database())) {
                return 1;
            }
            var result = adoption.adopt();
            out.printf(
                    "Backed up first%s: %s (SHA-256 %s)%n",
                    result.backupVerified() ? " and verified" : "",
                    result.backup().file(),
                    result.backup().manifest().sha256());
            out.printf(
                    "Baselined at V%s; applied %d migration(s); schema version is now %s.%n",
                    plan.baselineVersion(), result.applied(), result.schemaVersion());
            out.printf(
                    "Old audit rows kept in audit_logs_legacy: %d (SHA-256 %s, recorded in the DB_ADOPT audit row).%n",
                    result.legacyAuditRows(), result.legacyAuditSha256());
            out.println("Old accounts keep their passwords; each is rehashed to bcrypt at its first login.");
            return 0;
        } catch (BackupRefusedException e) {
            out.println("db-adopt refused: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            out.println(
                    e.getMessage() != null && e.getMessage().startsWith("db-adopt")
                            ? e.getMessage()
                            : "db-adopt failed: " + e.getMessage());
            return 1;
        }
    }

    private static void print(Plan plan, PrintStream out) {
        out.println("Database:       " + plan.database());
        if (plan.revision() != null) {
            out.println("Alembic:        revision " + plan.revision());
        }
        if (plan.stepDescription() != null) {
            out.printf(
                    "Shape:          %s step %d of %d of the old history (%s)%n",
                    plan.adoptable() ? "matches" : "closest is",
                    plan.step(),
                    AdoptionModel.OLD_HISTORY_STEPS,
                    plan.stepDescription());
        }
        plan.differences().forEach(d -> out.println("  differs: " + d));
        if (plan.adoptable()) {
            out.printf(
                    "Plan:           back up, record Flyway's history at V%s, then apply %d migration(s):%n",
                    plan.baselineVersion(), plan.toApply().size());
            plan.toApply().forEach(m -> out.println("  " + m));
            out.printf("Old audit rows: %d, kept unchanged in audit_logs_legacy%n", plan.legacyAuditRows());
        }
    }

    private static boolean confirmed(BufferedReader in, PrintStream out, String database) {
        return TypedYes.ask(
                in,
                out,
                "db-adopt: not adopting: this changes the schema of " + database
                        + " and there is no terminal to confirm on; add --yes to adopt without asking.",
                "This migrates " + database + " in place (after a backup). Type yes to continue: ",
                "db-adopt: not adopting (no \"yes\").");
    }
}
