package com.infraconsole.cli;

import com.infraconsole.audit.AuditService;
import com.infraconsole.audit.ChainTables;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code audit-verify [--schema S]}: recomputes the audit hash chain. Prints "N rows verified" and exits 0, or
 * names the first bad seq and whether a row was altered, removed or inserted, and exits 1. With
 * {@code --schema} it examines a copy of the audit tables there (a restored backup, say).
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
        return "[--schema S] verify the audit log's hash chain (exit 1 if a row was altered, removed or inserted)";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        long started = System.nanoTime();
        var schema = CliCommand.option(args, "schema");
        var result = schema == null ? audit.verify(rows -> {}) : audit.verify(ChainTables.inSchema(schema), rows -> {});
        long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        if (result.intact()) {
            out.printf("%d rows verified in %d ms: the audit chain is intact.%n", result.rowsVerified(), ms);
            return 0;
        }
        out.println("audit-verify: " + result.message());
        out.printf("First bad seq: %d (%s); %d rows before it verified.%n", result.firstBadSeq(),
                result.problem().name().toLowerCase(), result.rowsVerified());
        return 1;
    }
}
