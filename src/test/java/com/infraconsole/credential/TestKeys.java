package com.infraconsole.credential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real OpenSSH key pairs made by ssh-keygen for tests. */
public final class TestKeys {

    /** @param privateKey OpenSSH private key text; publicKey the .pub line */
    public record Pair(String privateKey, String publicKey) {}

    private TestKeys() {}

    public static Pair ed25519(String passphrase) {
        try {
            var dir = Files.createTempDirectory("test-key-");
            var key = dir.resolve("id");
            var p = new ProcessBuilder(
                            "ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "test", "-f", key.toString())
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ssh-keygen failed");
            }
            var pair = new Pair(
                    Files.readString(key),
                    Files.readString(Path.of(key + ".pub")).strip());
            Files.delete(key);
            Files.delete(Path.of(key + ".pub"));
            Files.delete(dir);
            return pair;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
