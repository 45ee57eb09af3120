package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditLogProbe;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who may set which extra vars, their secrets in the audit log, vaulted values and the size limit: real services, database and ansible. */
@IntegrationTest
class JobExtraVarsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NEVER = "0 0 3 1 1 ? 2099";
    /** Each rewrites how Ansible connects or what it runs on the controller. */
    private static final List<String> ADMIN_ONLY = List.of(
            "ansible_connection: local",
            "ansible_ssh_common_args: \"-o ProxyCommand='sh -c id'\"",
            "ansible_ssh_extra_args: -v",
            "ansible_sftp_extra_args: -v",
            "ansible_scp_extra_args: -v",
            "ansible_ssh_args: -v",
            "ansible_ssh_executable: /bin/sh",
            "ansible_sftp_executable: /bin/sh",
            "ansible_python_interpreter: /bin/sh",
            "ansible_become_exe: /bin/sh",
            "ansible_become_method: su",
            "ansible_become_flags: -c id",
            "ansible_shell_executable: /bin/sh",
            "ansible_shell_type: csh",
            "ansible_private_key_file: /etc/ssh/x",
            "ansible_host_key_checking: false",
            "ansible_paramiko_proxy_command: id",
            "ANSIBLE_Connection: local",
            "\"ansible_connection \": local",
            "!unsafe ansible_connection: local",
            "{\"ansible_connection\": \"local\"}",
            "base: &b {ansible_connection: local}\n<<: *b");

    @Autowired
    JobService jobs;

    @Autowired
    JobScheduleService schedules;

    @Autowired
    JobFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    AuditLogProbe audit;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void an_operator_is_refused_each_connection_rewriting_var_at_launch_and_in_a_schedule() {
        users.signIn(Role.OPERATOR);
        var request = LaunchRequest.of(fx.tasks("- debug:\n    msg: x"), List.of(fx.localServer()));
        long jobsBefore = count("jobs");
        long schedulesBefore = count("job_schedules");
        for (var vars : ADMIN_ONLY) {
            var withVars = request.withExtraVars(vars);
            assertThatThrownBy(() -> jobs.launch(withVars))
                    .as(vars)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.fieldErrors().get("extraVars"))
                                    .startsWithIgnoringCase("Only admins may set ansible_")
                                    .containsIgnoringCase(
                                            vars.contains("paramiko") ? "ansible_paramiko_proxy_command" : "ansible_"));
            assertThatThrownBy(() -> schedules.create("x-" + System.nanoTime(), NEVER, "UTC", withVars))
                    .as(vars)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("extraVars"));
        }
        assertThatThrownBy(() -> jobs.launch(request.withExtraVars("ansible_connection: local\nansible_ssh_args: -v")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("extraVars"))
                                .startsWith("Only admins may set ansible_connection, ansible_ssh_args "));
        assertThat(count("jobs")).isEqualTo(jobsBefore);
        assertThat(count("job_schedules")).isEqualTo(schedulesBefore);
    }

    @Test
    void an_operator_may_set_where_and_as_whom_to_connect_and_nested_keys_are_data() {
        users.signIn(Role.OPERATOR);
        var request = LaunchRequest.of(
                        fx.tasks("- debug:\n    msg: \"{{ app.ansible_connection }}\""), List.of(fx.localServer()))
                .withExtraVars(
                        "ansible_user: root\nansible_port: 22\nansible_become: false\nansible_become_user: root\n"
                                + "app:\n  ansible_connection: data only\n");
        var job = fx.awaitEnd(jobs.launch(request), WAIT);
        assertThat(job.job().getStatus()).isEqualTo(JobStatus.SUCCESS);
        assertThat(fx.log(job.job().getId())).contains("data only");
    }

    @Test
    void an_admin_may_set_them_and_the_run_uses_them() {
        users.signIn(Role.ADMIN);
        var request = LaunchRequest.of(
                        fx.tasks("- debug:\n    msg: \"via {{ ansible_connection }}\""), List.of(fx.localServer()))
                .withExtraVars("ansible_connection: local\nansible_python_interpreter: /usr/bin/python3");
        var job = fx.awaitEnd(jobs.launch(request), WAIT);
        assertThat(job.job().getStatus()).isEqualTo(JobStatus.SUCCESS);
        assertThat(fx.log(job.job().getId())).contains("via local");
        var schedule = schedules.create("admin-" + System.nanoTime(), NEVER, "UTC", request);
        assertThat(schedule.getId()).isNotNull();
    }

    @Test
    void secrets_in_extra_vars_never_reach_the_audit_rows_of_a_launch_or_a_schedule() {
        users.signIn(Role.OPERATOR);
        var secret = "hunter2-" + System.nanoTime();
        var vars = "version: \"1.4\"\ndb_password: " + secret + "\napi:\n  token: tok-" + secret + "\n";
        var request = LaunchRequest.of(
                        fx.tasks("- debug:\n    msg: \"{{ db_password | length }}\""), List.of(fx.localServer()))
                .withExtraVars(vars);
        long since = audit.lastSeq();
        long id = jobs.launch(request);
        var schedule = schedules.create("masked-" + System.nanoTime(), NEVER, "UTC", request);

        var launchRow = audit.since(since, "Job", id).getFirst();
        var scheduleRow = audit.since(since, "JobSchedule", schedule.getId()).getFirst();
        for (var row : List.of(launchRow, scheduleRow)) {
            assertThat(row.changes())
                    .doesNotContain(secret)
                    .contains("db_password: ***", "token: ***", "version: \\\"1.4\\\"");
        }
        assertThat(audit.since(since))
                .allSatisfy(r -> assertThat(String.valueOf(r.changes())).doesNotContain(secret));
        // ansible-playbook still gets the real value: its length is printed, not ***'s
        var job = fx.awaitEnd(id, WAIT);
        assertThat(fx.log(id)).contains("\"msg\": \"" + secret.length() + "\"");
        assertThat(job.maskedExtraVars()).doesNotContain(secret);
    }

    @Test
    void a_vaulted_value_is_accepted_and_reaches_ansible_playbook_unchanged() {
        users.signIn(Role.OPERATOR);
        // ansible-vault encrypt_string --name password 's3cret' (vault password "pw")
        var vault = """
                password: !vault |
                          $ANSIBLE_VAULT;1.1;AES256
                          32306637386635626235393265343530646463303737343866656362393730646539333735323763
                          3331333230323236323834306233396334396631373234620a353465343637386337633433376465
                          32313231353035643063343263663564306435663236653930643235663732633831373633333533
                          6463343430636666360a626333613565373264336331656639326165313838613363623133353730
                          3636
                label: !unsafe "{{ not templated }}"
                """;
        var request = LaunchRequest.of(
                        fx.tasks("- debug:\n    msg: \"{{ label }}\"\n- debug:\n    msg: \"{{ password }}\""),
                        List.of(fx.localServer()))
                .withExtraVars(vault);
        var job = fx.awaitEnd(jobs.launch(request), WAIT);
        // No vault password is given to the run: ansible reads the !vault value and says it cannot decrypt it.
        assertThat(job.job().getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(fx.log(job.job().getId()))
                .contains("{{ not templated }}", "Attempting to decrypt but no vault secrets found");
        assertThat(job.maskedExtraVars())
                .contains("password: !vault (encrypted)")
                .doesNotContain("$ANSIBLE_VAULT");

        assertThatThrownBy(() -> jobs.launch(request.withExtraVars("password: !vault plain-text")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("extraVars")).contains("line 1", "$ANSIBLE_VAULT;"));
        assertThatThrownBy(() -> jobs.launch(request.withExtraVars("x: !python/object:os.system id")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_size_limit_counts_utf8_bytes_as_the_text_column_does() {
        users.signIn(Role.OPERATOR);
        var request = LaunchRequest.of(fx.tasks("- debug:\n    msg: \"{{ v | length }}\""), List.of(fx.localServer()));
        // 3 + 2 x 32,766 = 65,535 bytes: the most the column holds, in far fewer than 65,000 characters
        var fits = "v: " + "é".repeat(32_766);
        var job = fx.awaitEnd(jobs.launch(request.withExtraVars(fits)), WAIT);
        assertThat(job.job().getExtraVars()).isEqualTo(fits);
        assertThat(fx.log(job.job().getId())).contains("\"msg\": \"32766\"");

        var tooBig = fits + "é";
        assertThatThrownBy(() -> jobs.launch(request.withExtraVars(tooBig)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("extraVars"))
                                .isEqualTo("Extra vars must be at most 65,535 bytes (UTF-8); these are 65,537 bytes"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
