package com.infraconsole.cli;

import com.infraconsole.audit.AuditKeyRotation;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code audit-rotate-key}: adds a fresh audit chain key to the key file and makes it current; the
 * old keys stay to verify older rows. Prints the new key's id, never the key.
 */
@Component
class AuditRotateKeyCommand implements CliCommand {

    private final AuditKeyRotation rotation;

    AuditRotateKeyCommand(AuditKeyRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public String name() {
        return "audit-rotate-key";
    }

    @Override
    public String summary() {
        return "add a new audit chain key to the key file and make it current (old keys stay for verification)";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        try {
            var id = rotation.rotate();
            out.println("Audit chain key rotated: new rows are signed with key " + id + " (key file "
                    + rotation.keyFile() + "). Back up the key file; never remove its older lines.");
            return 0;
        } catch (IllegalStateException e) {
            out.println("audit-rotate-key: " + e.getMessage());
            return 1;
        }
    }
}
