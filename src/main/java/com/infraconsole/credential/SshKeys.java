package com.infraconsole.credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's ssh-keygen on private keys, in a private temporary directory: the public key and its
 * fingerprint (which also proves key and passphrase fit), and a copy without passphrase for a run.
 * The passphrase reaches ssh-keygen through an askpass script reading a 0600 file, never its
 * command line, which every local user could read in /proc.
 */
final class SshKeys {

    /** The public half as ssh-keygen prints it, and its SHA256 fingerprint with the key type. */
    record PublicPart(String publicKey, String fingerprint) {}

    private SshKeys() {}

    static PublicPart publicPart(String privateKey, String passphrase) {
        return inTempDir(privateKey, passphrase, dir -> {
            var pub = run(dir, passphrase, "ssh-keygen", "-y", "-f", "key").strip();
            Files.writeString(dir.resolve("key.pub"), pub + "\n");
            var line = run(dir, null, "ssh-keygen", "-l", "-E", "sha256", "-f", "key.pub")
                    .strip();
            // "256 SHA256:abc... comment (ED25519)": keep the fingerprint and the type.
            var parts = line.split(" ");
            var fingerprint = parts.length > 1 ? parts[1] + " " + parts[parts.length - 1] : line;
            return new PublicPart(pub, fingerprint);
        });
    }

    /** The key without its passphrase (a run's ssh cannot answer a prompt); the key as given when it has none. */
    static String withoutPassphrase(String privateKey, String passphrase) {
        if (passphrase == null || passphrase.isEmpty()) {
            return privateKey;
        }
        return inTempDir(privateKey, passphrase, dir -> {
            run(dir, passphrase, "ssh-keygen", "-p", "-N", "", "-f", "key");
            return Files.readString(dir.resolve("key"));
        });
    }

    private interface Work<T> {
        T in(Path dir) throws IOException, InterruptedException;
    }

    private static <T> T inTempDir(String privateKey, String passphrase, Work<T> work) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory(
                    "infra-key-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            var owner = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            var normalized = privateKey.replace("\r\n", "\n").strip() + "\n";
            Files.writeString(Files.createFile(dir.resolve("key"), owner), normalized, StandardCharsets.UTF_8);
            if (passphrase != null && !passphrase.isEmpty()) {
                Files.writeString(Files.createFile(dir.resolve("pass"), owner), passphrase, StandardCharsets.UTF_8);
                var askpass = Files.createFile(
                        dir.resolve("askpass"),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.writeString(askpass, "#!/bin/sh\nexec cat '" + dir.resolve("pass") + "'\n");
            }
            return work.in(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("ssh-keygen could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted");
        } finally {
            delete(dir);
        }
    }

    private static String run(Path dir, String passphrase, String... command) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(List.of(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", dir.toString());
        // Always forced: without a passphrase file a prompt fails at once instead of waiting for a terminal.
        pb.environment()
                .put(
                        "SSH_ASKPASS",
                        passphrase == null || passphrase.isEmpty()
                                ? "/bin/false"
                                : dir.resolve("askpass").toString());
        pb.environment().put("SSH_ASKPASS_REQUIRE", "force");
        var process = pb.start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalArgumentException("ssh-keygen did not answer");
        }
        if (process.exitValue() != 0) {
            // ssh-keygen's own words ("incorrect passphrase", "invalid format") never contain the key.
            var why = out.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("Enter"))
                    .reduce((a, b) -> b)
                    .orElse("exit code " + process.exitValue());
            throw new IllegalArgumentException(why.replace(dir.toString() + "/", ""));
        }
        return out;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: the directory is private to this user.
        }
    }
}
