package com.infraconsole.job;

import com.infraconsole.server.Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The private directory (mode 0700) one run of ansible-playbook works in: the playbook, a
 * generated inventory and the extra vars. Deleted when the run ends.
 *
 * <p>Local connection rule: a server whose IP address is 127.0.0.1 or ::1, or whose host name
 * is {@code localhost}, is reached with {@code ansible_connection=local} (and the Python that runs
 * ansible-playbook) instead of SSH. Every other server gets ansible_host, ansible_port and
 * ansible_user from the inventory.
 */
final class AnsibleWorkspace implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path dir;

    private AnsibleWorkspace(Path dir) {
        this.dir = dir;
    }

    static AnsibleWorkspace create(String playbook, List<Server> targets, String extraVars) throws IOException {
        var dir = Files.createTempDirectory("infra-job-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        var ws = new AnsibleWorkspace(dir);
        Files.createDirectory(dir.resolve("tmp"));
        Files.writeString(dir.resolve("playbook.yml"), playbook, StandardCharsets.UTF_8);
        // JSON is YAML: Ansible's yaml inventory plugin reads it, and no value needs quoting rules.
        Files.writeString(dir.resolve("inventory.yml"), JSON.writeValueAsString(inventory(targets)), StandardCharsets.UTF_8);
        if (extraVars != null && !extraVars.isBlank()) {
            Files.writeString(dir.resolve("extra-vars.yml"), extraVars, StandardCharsets.UTF_8);
        }
        return ws;
    }

    static boolean isLocal(Server s) {
        return "localhost".equalsIgnoreCase(s.getHostname()) || "127.0.0.1".equals(s.getIpAddress())
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

    List<String> command(String executable, boolean checkMode, int verbosity) {
        var cmd = new ArrayList<>(List.of(executable, "-i", "inventory.yml"));
        if (Files.exists(dir.resolve("extra-vars.yml"))) {
            cmd.add("-e");
            cmd.add("@extra-vars.yml");
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

    ProcessBuilder processBuilder(List<String> command) {
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        var env = pb.environment();
        // Plain text output, line by line, no stray files outside this directory.
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_FORCE_COLOR", "0");
        env.put("PYTHONUNBUFFERED", "1");
        env.put("ANSIBLE_RETRY_FILES_ENABLED", "0");
        env.put("ANSIBLE_LOCAL_TEMP", dir.resolve("tmp").toString());
        env.remove("ANSIBLE_CONFIG");
        return pb;
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

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: the directory is private to this user.
        }
    }
}
