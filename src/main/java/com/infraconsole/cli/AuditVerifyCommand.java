package com.infraconsole.cli;

import com.infraconsole.audit.AuditService;
import com.infraconsole.audit.ChainTables;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code audit-verify [--schema S] [--checkpoints FILE]}: recomputes the audit chain (HMAC with the
 * audit keys, plain SHA-256 for rows from before the chain was keyed) and checks it against the
 * signed checkpoints kept outside the database. Prints "N rows verified" and exits 0, or names the
 * first bad seq and whether a row was altered, removed or inserted, and exits 1. With
 * {@code --schema} it examines a copy of the audit tables there (a restored backup, say), against
 * the checkpoints only when {@code --checkpoints} names a file.
 */
@Component
class AuditVerifyCommand implements CliCommand {

    private final AuditService audit;

    AuditVerifyCommand(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public String name() {
        return "audit-verify";
    }

    @Override
    public String summary() {
        return "[--schema S] [--checkpoints FILE] verify the audit log's keyed hash chain and its checkpoints"
                + " (exit 1 if a row was altered, removed or inserted)";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        long started = System.nanoTime();
        var schema = CliCommand.option(args, "schema");
        var checkpoints = CliCommand.option(args, "checkpoints");
        var tables = schema == null ? ChainTables.DEFAULT : ChainTables.inSchema(schema);
        var result = schema == null && checkpoints == null
                ? audit.verify(rows -> {})
                : checkpoints == null
                        ? audit.verify(tables, rows -> {})
                        : audit.verify(tables, Path.of(checkpoints), rows -> {});
        long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        if (result.intact()) {
            out.printf("%d rows verified in %d ms: the audit chain is intact.%n", result.rowsVerified(), ms);
            out.println(result.message());
            return 0;
        }
        out.println("audit-verify: " + result.message());
        out.printf(
                "First bad seq: %d (%s); %d rows before it verified.%n",
                result.firstBadSeq(), result.problem().name().toLowerCase(), result.rowsVerified());
        return 1;
    }
}
