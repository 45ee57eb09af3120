package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's command line, its check, and real runs of a shell inside it (no Spring, no
 * database). Tagged integration because it needs Debian's bubblewrap, which `./mvnw verify`
 * installs before the integration tests; the unit tier needs nothing but the JDK.
 */
@Tag("integration")
class JobSandboxTest {

    private static JobSandbox sandbox(String mode, String bwrap) {
        return new JobSandbox(new SandboxProperties(mode, bwrap, null, null, null, List.of(), null), Clock.systemUTC());
    }

    @Test
    void without_bwrap_jobs_are_refused_with_one_line_naming_the_fix() {
        var status = sandbox("on", "/nonexistent/bwrap").status();

        assertThat(status.available()).isFalse();
        assertThat(status.problem())
                .doesNotContain("\n")
                .contains("apt-get install bubblewrap", "INFRA_JOB_SANDBOX=off");
        assertThat(status.warning()).isEqualTo(status.problem());
        assertThat(sandbox("on", "/nonexistent/bwrap").refusal(Path.of("/usr/bin/ansible-playbook")))
                .contains(status.problem());
    }

    @Test
    void switched_off_it_runs_and_says_so() {
        var status = sandbox("off", null).status();

        assertThat(status.enabled()).isFalse();
        assertThat(status.available()).isTrue();
        assertThat(status.warning()).isEqualTo(SandboxStatus.UNSANDBOXED_WARNING);
    }

    @Test
    void with_bwrap_installed_the_check_passes_and_runs_are_isolated() throws Exception {
        var sandbox = sandbox("on", "/usr/bin/bwrap");
        assertThat(sandbox.status().available()).as(sandbox.status().problem()).isTrue();

        var out = runInside(
                sandbox,
                "id -u; echo HOME=$HOME; ls / | sed 's/^/ROOT:/'; ls /etc | sed 's/^/ETC:/';"
                        + " echo x > /usr/probe 2>/dev/null || echo USR-READ-ONLY; echo ok > probe && cat probe");

        assertThat(out).contains("65534", "HOME=/job/home", "USR-READ-ONLY", "ok");
        assertThat(entries(out, "ROOT:"))
                .isSubsetOf(
                        "bin", "sbin", "lib", "lib32", "lib64", "libx32", "usr", "etc", "dev", "proc", "tmp", "job");
        assertThat(entries(out, "ETC:"))
                .contains("passwd", "group", "hosts")
                .doesNotContain("shadow", "gshadow", "sudoers", "ansible", "mysql", "ssh_host_ed25519_key");
    }

    @Test
    void the_fleet_ssh_directory_is_the_runs_read_only_home_ssh() throws Exception {
        var sshDir = Files.createTempDirectory("infra-ssh-test");
        try {
            Files.writeString(sshDir.resolve("known_hosts"), "host1 ssh-ed25519 AAAA\n");
            sshDir.toFile().setReadable(true, false);
            sshDir.toFile().setExecutable(true, false);
            sshDir.resolve("known_hosts").toFile().setReadable(true, false);
            var sandbox = new JobSandbox(
                    new SandboxProperties("on", "/usr/bin/bwrap", null, null, null, List.of(), sshDir.toString()),
                    Clock.systemUTC());

            var out = runInside(sandbox, "cat ~/.ssh/known_hosts; touch ~/.ssh/new 2>/dev/null || echo SSH-READ-ONLY");

            assertThat(out).contains("host1 ssh-ed25519", "SSH-READ-ONLY");
        } finally {
            Files.deleteIfExists(sshDir.resolve("known_hosts"));
            Files.deleteIfExists(sshDir);
        }
    }

    @Test
    void an_executable_outside_usr_is_refused_unless_shown_read_only() {
        assertThat(sandbox("on", "/usr/bin/bwrap").refusal(Path.of("/opt/venv/bin/ansible-playbook")))
                .hasValueSatisfying(s -> assertThat(s).contains("read-only-paths"));
        var withVenv = new JobSandbox(
                new SandboxProperties("on", "/usr/bin/bwrap", null, null, null, List.of("/opt/venv"), null),
                Clock.systemUTC());
        assertThat(withVenv.refusal(Path.of("/opt/venv/bin/ansible-playbook"))).isEmpty();
    }

    @Test
    void the_command_line_isolates_every_namespace_but_the_network() throws IOException {
        try (var ws = AnsibleWorkspace.create("", List.of(), null)) {
            var argv = sandbox("on", "/usr/bin/bwrap").wrap(ws, List.of("ansible-playbook"));

            assertThat(argv)
                    .contains(
                            "--unshare-all",
                            "--share-net",
                            "--die-with-parent",
                            "--new-session",
                            "--clearenv",
                            "--uid",
                            "--gid");
            assertThat(String.join(" ", argv))
                    .contains("--ro-bind /usr /usr", "--tmpfs /tmp", "--bind " + ws.work() + " /job")
                    .doesNotContain("--bind / ", "/etc/shadow", "ssh_host");
            assertThat(argv.getLast()).isEqualTo("ansible-playbook");
        }
    }

    private static List<String> entries(String out, String prefix) {
        return out.lines()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .toList();
    }

    private static String runInside(JobSandbox sandbox, String script) throws Exception {
        try (var ws = AnsibleWorkspace.create("", List.of(), null)) {
            var process =
                    sandbox.processBuilder(ws, List.of("/bin/sh", "-c", script)).start();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return out;
        }
    }
}
