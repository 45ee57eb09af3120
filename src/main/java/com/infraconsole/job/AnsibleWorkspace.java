package com.infraconsole.job;

import com.infraconsole.server.Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The private directory one run of ansible-playbook works in, deleted when the run ends:
 * {@code work/} (mode 0700) holds the playbook, a generated inventory and the extra vars, and is
 * the only place a sandboxed run can write; {@code etc/} holds the passwd and group files the
 * sandbox shows instead of the host's.
 *
 * <p>Local connection rule: a server whose IP address is 127.0.0.1 or ::1, or whose host name
 * is {@code localhost}, is reached with {@code ansible_connection=local} (and the Python that runs
 * ansible-playbook) instead of SSH: inside the job sandbox, so "local" is the sandbox, never the
 * console. Every other server gets ansible_host, ansible_port and ansible_user from the inventory.
 */
final class AnsibleWorkspace implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Where a run's credential files live, relative to the workspace (the run's working directory). */
    static final String SECRETS = "secrets";

    private static final java.nio.file.attribute.FileAttribute<?> DIR_0700 =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final java.nio.file.attribute.FileAttribute<?> FILE_0600 =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private final Path root;

    private AnsibleWorkspace(Path root) {
        this.root = root;
    }

    static AnsibleWorkspace create(String playbook, List<Server> targets, String extraVars) throws IOException {
        // 0711: the job's own uid may pass through to work/ (its bind mount source), but not list it.
        var root = Files.createTempDirectory(
                "infra-job-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        var ws = new AnsibleWorkspace(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        var work = Files.createDirectory(
                root.resolve("work"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createDirectory(work.resolve("tmp"));
        Files.createDirectories(work.resolve("home/.ssh")); // the mount point of infra.jobs.sandbox.ssh-dir
        Files.writeString(work.resolve("playbook.yml"), playbook, StandardCharsets.UTF_8);
        // JSON is YAML: Ansible's yaml inventory plugin reads it, and no value needs quoting rules.
        Files.writeString(
                work.resolve("inventory.yml"), JSON.writeValueAsString(inventory(targets)), StandardCharsets.UTF_8);
        if (extraVars != null && !extraVars.isBlank()) {
            Files.writeString(work.resolve("extra-vars.yml"), extraVars, StandardCharsets.UTF_8);
        }
        Files.createDirectory(root.resolve("etc"));
        return ws;
    }

    static boolean isLocal(Server s) {
        return "localhost".equalsIgnoreCase(s.getHostname())
                || "127.0.0.1".equals(s.getIpAddress())
                || "::1".equals(s.getIpAddress());
    }

    static Map<String, Object> inventory(List<Server> targets) {
        var hosts = new LinkedHashMap<String, Object>();
        for (var s : targets) {
            var vars = new LinkedHashMap<String, Object>();
            vars.put("ansible_host", s.getIpAddress());
            if (isLocal(s)) {
                vars.put("ansible_connection", "local");
                vars.put("ansible_python_interpreter", "{{ ansible_playbook_python }}");
            } else {
                vars.put("ansible_port", s.getSshPort());
                vars.put("ansible_user", s.getSshUser());
            }
            hosts.put(s.getHostname(), vars);
        }
        return Map.of("all", Map.of("hosts", hosts));
    }

    /**
     * Hands the run its credentials as files only the job's uid can read, never on a command line
     * or in the environment: per host a {@code host_vars} file (beside the inventory, so Ansible
     * reads it with precedence over the inventory's own host vars) naming the key file or holding
     * the SSH and become passwords; the vault password as a file for --vault-password-file.
     */
    void writeSecrets(RunCredentials credentials, List<Server> targets) throws IOException {
        var secrets = Files.createDirectory(work().resolve(SECRETS), DIR_0700);
        Files.createDirectory(work().resolve("host_vars"), DIR_0700);
        for (var c : credentials.all()) {
            if (c.kind() == com.infraconsole.credential.CredentialKind.SSH_KEY) {
                // ssh refuses a key file that others may read, and needs the final newline.
                secret(secrets.resolve("key-" + c.id()), c.secret().strip() + "\n");
            }
        }
        credentials.vault().ifPresent(v -> uncheckedSecret(secrets.resolve("vault"), v.secret()));
        for (var s : targets) {
            var vars = new LinkedHashMap<String, Object>();
            credentials.loginOf(s.getHostname()).ifPresent(c -> {
                if (c.username() != null) {
                    vars.put("ansible_user", c.username());
                }
                if (c.kind() == com.infraconsole.credential.CredentialKind.SSH_KEY) {
                    vars.put("ansible_ssh_private_key_file", SECRETS + "/key-" + c.id());
                } else {
                    vars.put("ansible_password", c.secret());
                }
            });
            credentials.become().ifPresent(b -> vars.put("ansible_become_password", b.secret()));
            if (!vars.isEmpty()) {
                secret(work().resolve("host_vars").resolve(s.getHostname() + ".yml"), JSON.writeValueAsString(vars));
            }
        }
    }

    private static void secret(Path file, String content) throws IOException {
        Files.writeString(Files.createFile(file, FILE_0600), content, StandardCharsets.UTF_8);
    }

    private static void uncheckedSecret(Path file, String content) {
        try {
            secret(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<String> command(String executable, boolean checkMode, int verbosity) {
        var cmd = new ArrayList<>(List.of(executable, "-i", "inventory.yml"));
        if (Files.exists(work().resolve("extra-vars.yml"))) {
            cmd.add("-e");
            cmd.add("@extra-vars.yml");
        }
        if (Files.exists(work().resolve(SECRETS).resolve("vault"))) {
            // A path, not the password; the file is 0600 and not executable, so Ansible reads it rather than runs it.
            cmd.add("--vault-password-file");
            cmd.add(SECRETS + "/vault");
        }
        if (checkMode) {
            cmd.add("--check");
        }
        if (verbosity > 0) {
            cmd.add("-" + "v".repeat(Math.min(verbosity, 4)));
        }
        cmd.add("playbook.yml");
        return cmd;
    }

    /**
     * The whole environment of a run: an allow-list, nothing inherited from the console (whose
     * environment may hold DATABASE_URL or a datasource password).
     *
     * @param work the workspace as the run sees it
     */
    static Map<String, String> environment(String work) {
        var env = new LinkedHashMap<String, String>();
        env.put("PATH", JobSandbox.PATH);
        env.put("HOME", work + "/home");
        env.put("LANG", "C.UTF-8");
        env.put("TMPDIR", "/tmp");
        // Plain text output, line by line, no stray files outside the workspace.
        env.put("PYTHONUNBUFFERED", "1");
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_FORCE_COLOR", "0");
        env.put("ANSIBLE_RETRY_FILES_ENABLED", "0");
        env.put("ANSIBLE_LOCAL_TEMP", work + "/tmp");
        return env;
    }

    /** Gives work/ to the job's uid: the console runs as root and drops to it. */
    void handTo(int uid, int gid) throws IOException {
        try (var paths = Files.walk(work())) {
            for (var p : paths.toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** The passwd and group files the sandbox shows: ssh refuses to run for a uid without a name. */
    void writeIdentity(int uid, int gid) throws IOException {
        var etc = root.resolve("etc");
        var readable = PosixFilePermissions.fromString("r--r--r--");
        Files.writeString(
                etc.resolve("passwd"),
                "root:x:0:0:root:/root:/usr/sbin/nologin\n" + "job:x:" + uid + ":" + gid + ":Infra Console job:"
                        + JobSandbox.INSIDE + "/home:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\njob:x:" + gid + ":\n");
        Files.setPosixFilePermissions(etc.resolve("passwd"), readable);
        Files.setPosixFilePermissions(etc.resolve("group"), readable);
    }

    /** The executable as given if it is a path, else the first match on PATH. */
    static Optional<Path> resolveExecutable(String name) {
        if (name.contains("/")) {
            var p = Path.of(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        var path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (var entry : path.split(":")) {
            if (entry.isEmpty()) {
                continue;
            }
            var p = Path.of(entry, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    Path root() {
        return root;
    }

    Path work() {
        return root.resolve("work");
    }

    @Override
    public void close() {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: the directory is private to this user.
        }
    }
}
