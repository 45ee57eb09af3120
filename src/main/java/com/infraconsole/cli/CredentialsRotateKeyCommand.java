package com.infraconsole.cli;

import com.infraconsole.credential.MasterKeyRotation;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code credentials-rotate-key}: makes a fresh master key current and re-seals every credential
 * under it, in one audited transaction. Prints key ids and a count, never a key or a secret.
 */
@Component
class CredentialsRotateKeyCommand implements CliCommand {

    private final MasterKeyRotation rotation;

    CredentialsRotateKeyCommand(MasterKeyRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public String name() {
        return "credentials-rotate-key";
    }

    @Override
    public String summary() {
        return "make a new credential master key current and re-encrypt every credential under it";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        try {
            var result = rotation.rotate();
            out.println("Credential master key rotated: " + result.resealed() + " credential(s) re-encrypted under key "
                    + result.keyId() + " (" + result.keySource() + "). Back up the key file apart from the database.");
            return 0;
        } catch (IllegalStateException e) {
            out.println("credentials-rotate-key: " + e.getMessage());
            return 1;
        }
    }
}
