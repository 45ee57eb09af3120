package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Playbooks written to attack the console, each launched as a real job by an OPERATOR and run by
 * the real ansible-playbook in the real sandbox. Each asserts that the secret did not reach the
 * log and that nothing outside the workspace changed.
 *
 * <p>Markers are printed by the shell as two quoted halves ({@code echo "SEE""N"}), so that the
 * word appears in the log only if the command really ran, never from the playbook's own text.
 */
@IntegrationTest
class HostileJobTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    JobService jobs;

    @Autowired
    JobFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    Environment env;

    @Autowired
    JdbcClient jdbc;

    long server;

    @BeforeEach
    void signIn() {
        users.signIn(Role.OPERATOR);
        server = fx.localServer();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void the_environment_holds_only_the_allow_list() {
        var log = run("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - shell: env | cut -d= -f1 | sed 's/^/ENVNAME:/'
                      register: names
                    - debug: var=names.stdout_lines
                    - debug:
                        msg: "DS=[{{ lookup('env', 'SPRING_DATASOURCE_PASSWORD') }}] URL=[{{ lookup('env', 'DATABASE_URL') }}] DBP=[{{ lookup('env', 'DB_PASSWORD') }}]"
                """);

        var names = Pattern.compile("ENVNAME:(\\w+)")
                .matcher(log)
                .results()
                .map(m -> m.group(1))
                .collect(Collectors.toSet());
        assertThat(names).isNotEmpty().allMatch(n -> ALLOWED_INSIDE.contains(n) || n.startsWith("ANSIBLE_"));
        assertThat(log).contains("DS=[] URL=[] DBP=[]");
        assertNoConsoleSecret(log);
    }

    @Test
    void the_console_process_and_its_proc_entries_are_invisible() throws IOException {
        long pid = ProcessHandle.current().pid();
        var log = run("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - shell: |
                        if test -e /proc/%1$d; then echo "VISI""BLE-PID"; else echo "HIDD""EN-PID"; fi
                        cat /proc/%1$d/environ /proc/%1$d/cmdline 2>&1 | tr '\\0' ' '
                        echo "PROCS=$(ls /proc | grep -c '^[0-9]')"
                      register: r
                      failed_when: false
                    - debug: var=r.stdout_lines
                """.formatted(pid));

        assertThat(log).contains("HIDDEN-PID").doesNotContain("VISIBLE-PID");
        var procs = Integer.parseInt(Pattern.compile("PROCS=(\\d+)")
                .matcher(log)
                .results()
                .findFirst()
                .orElseThrow()
                .group(1));
        assertThat(procs).as("processes visible inside the sandbox").isLessThan(20);
        var cmdline = Files.readString(Path.of("/proc/self/cmdline")).split("\0");
        var longest = Arrays.stream(cmdline)
                .max(Comparator.comparingInt(String::length))
                .orElseThrow();
        assertThat(log).doesNotContain(longest);
        assertNoConsoleSecret(log);
    }

    @Test
    void the_data_directory_configuration_logs_and_shadow_are_out_of_reach() {
        var dataDir = Path.of(env.getRequiredProperty("infra.data-dir"))
                .toAbsolutePath()
                .normalize();
        var paths = List.of(
                dataDir,
                dataDir.resolve("mariadb"),
                Path.of("target/classes/application.yml").toAbsolutePath(),
                Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home")),
                Path.of("/etc/shadow"),
                Path.of("/etc/ssh/ssh_host_ed25519_key"),
                Path.of("/var/log"));
        var tasks = paths.stream().map(p -> """
                    - shell: if test -e '%1$s'; then echo "VISI""BLE:%1$s"; ls '%1$s' | head -3; else echo "HIDD""EN:%1$s"; fi; cat '%1$s' 2>&1 | head -3
                      register: r
                      failed_when: false
                    - debug: var=r.stdout_lines
                """.formatted(p)).collect(Collectors.joining());
        var log = run("- hosts: localhost\n  gather_facts: false\n  tasks:\n" + tasks);

        for (var p : paths) {
            assertThat(log).contains("HIDDEN:" + p).doesNotContain("VISIBLE:" + p);
        }
        assertThat(log).doesNotContain("close-idle-sessions"); // a line of application.yml
        assertThat(log).doesNotContain("root:$").doesNotContain("root:*:"); // /etc/shadow's first line
        assertNoConsoleSecret(log);
    }

    @Test
    void no_database_login_with_anything_the_job_can_find() {
        var url = env.getRequiredProperty("spring.datasource.url");
        var port = Pattern.compile(":(\\d+)/")
                .matcher(url)
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        var accounts = Stream.of("root", env.getRequiredProperty("spring.datasource.username"), "infra", "mysql");
        var tasks = accounts.distinct().map(user -> """
                    - shell: mariadb --protocol=TCP -h 127.0.0.1 -P %1$s -u '%2$s' --password='' -N -e "SELECT CONCAT('DB','-OPEN-', CURRENT_USER())" 2>&1; mariadb --protocol=TCP -h 127.0.0.1 -P %1$s -u '%2$s' -N -e "SELECT CONCAT('DB','-OPEN-', CURRENT_USER())" 2>&1
                      register: r
                      failed_when: false
                    - debug: var=r.stdout_lines
                """.formatted(port, user)).collect(Collectors.joining());
        var log = run("- hosts: localhost\n  gather_facts: false\n  tasks:\n" + tasks);

        assertThat(log).as("the mariadb client must run inside the sandbox").doesNotContain("command not found");
        assertThat(log).contains("Access denied").doesNotContain("DB-OPEN");
    }

    @Test
    void a_localhost_shell_task_cannot_write_outside_the_workspace() throws IOException {
        var name = "hostile-" + UUID.randomUUID();
        var targets = List.of(
                Path.of("target").toAbsolutePath().resolve(name),
                Path.of("/tmp", name),
                Path.of("/usr/local", name),
                Path.of("/etc", name),
                Path.of(System.getProperty("user.home"), name));
        var writes = targets.stream()
                .map(p -> "echo pwned > '" + p + "' 2>&1 || true")
                .collect(Collectors.joining("; "));
        var log = run("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - shell: "%s; echo done > inside.txt; echo \\"WROTE-$(cat inside.txt)\\""
                      register: r
                    - debug: var=r.stdout_lines
                """.formatted(writes.replace("\"", "\\\"")));

        assertThat(log).as("the workspace itself is writable").contains("WROTE-done");
        for (var p : targets) {
            assertThat(p).as("written outside the sandbox").doesNotExist();
        }
    }

    @Test
    void an_operator_cannot_switch_the_connection_to_local_through_extra_vars() {
        long before = jdbc.sql("SELECT COUNT(*) FROM jobs").query(Long.class).single();
        var request = LaunchRequest.of(fx.tasks("- shell: id"), List.of(server))
                .withExtraVars("{\"ansible_connection\": \"local\"}");

        assertThatThrownBy(() -> jobs.launch(request))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("extraVars")).contains("ansible_connection"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void a_daemonized_process_is_gone_when_the_job_ends() {
        var marker = "600." + (System.nanoTime() % 100_000);
        var log = run("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - shell: setsid sleep %s > /dev/null 2>&1 < /dev/null &
                    - shell: echo "STAR""TED"
                      register: r
                    - debug: var=r.stdout
                """.formatted(marker));

        assertThat(log).contains("STARTED");
        JobProcesses.await("sleep " + marker, false);
    }

    @Test
    void a_daemonized_process_is_gone_when_the_job_is_cancelled() {
        var marker = "601." + (System.nanoTime() % 100_000);
        var playbook = fx.playbook("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - shell: setsid sleep %s > /dev/null 2>&1 < /dev/null &
                    - shell: sleep 300
                """.formatted(marker));
        long id = jobs.launch(LaunchRequest.of(playbook, List.of(server)));
        fx.awaitStatus(id, WAIT, JobStatus.RUNNING);
        JobProcesses.await("sleep " + marker, true);

        jobs.cancel(id);

        assertThat(fx.awaitEnd(id, WAIT).job().getStatus()).isEqualTo(JobStatus.CANCELLED);
        JobProcesses.await("sleep " + marker, false);
    }

    /** Names a run may see: the allow-list of AnsibleWorkspace.environment, and what a shell sets itself. */
    private static final Set<String> ALLOWED_INSIDE = Set.of(
            "PATH", "HOME", "LANG", "TMPDIR", "PYTHONUNBUFFERED", "PWD", "SHLVL", "_", "LC_ALL", "LC_CTYPE", "OLDPWD");

    private String run(String playbookYaml) {
        long id = jobs.launch(LaunchRequest.of(fx.playbook(playbookYaml), List.of(server)));
        var job = fx.awaitEnd(id, WAIT);
        var log = fx.log(id);
        assertThat(log).as("job %d ran inside the sandbox", id).contains("in the job sandbox");
        assertThat(job.job().getStatus()).as("job %d log:%n%s", id, log).isEqualTo(JobStatus.SUCCESS);
        return log;
    }

    private void assertNoConsoleSecret(String log) {
        var password = env.getProperty("spring.datasource.password", "");
        assertThat(password).as("the embedded database has a password").isNotEmpty();
        assertThat(log).doesNotContain(password);
        assertThat(log).doesNotContain(env.getRequiredProperty("spring.datasource.url"));
    }
}
