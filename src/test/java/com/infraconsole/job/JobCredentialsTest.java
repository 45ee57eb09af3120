package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.credential.CredentialDraft;
import com.infraconsole.credential.CredentialKind;
import com.infraconsole.credential.CredentialService;
import com.infraconsole.credential.TestKeys;
import com.infraconsole.security.Role;
import com.infraconsole.server.ServerService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Credentials in real runs of ansible-playbook inside the sandbox: a vault password opens a vaulted
 * playbook, and a playbook written to print every secret it was given shows only the mask.
 */
@IntegrationTest
class JobCredentialsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    JobService jobs;

    @Autowired
    JobFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    CredentialService credentials;

    @Autowired
    ServerService servers;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_vault_credential_opens_a_vaulted_playbook_and_its_password_never_shows() throws Exception {
        users.signIn(Role.ADMIN);
        var password = "vault-pw-" + System.nanoTime();
        var vault = credentials.create(new CredentialDraft(
                "vault-" + System.nanoTime(), CredentialKind.VAULT_PASSWORD, null, null, password, null));
        var playbook = fx.playbook("""
                - hosts: all
                  gather_facts: false
                  vars:
                %s
                  tasks:
                    - debug:
                        msg: "word={{ secret_word }} pw={{ lookup('file', 'secrets/vault') }}"
                """.formatted(encryptString(password, "opened-by-the-vault", "secret_word")
                .indent(4)
                .stripTrailing()));

        users.signIn(Role.OPERATOR);
        var server = fx.localServer();
        long opened = jobs.launch(LaunchRequest.of(playbook, List.of(server)).withCredentials(List.of(vault.id())));
        var job = fx.awaitEnd(opened, WAIT);
        var log = fx.log(opened);
        assertThat(job.job().getStatus()).as(log).isEqualTo(JobStatus.SUCCESS);
        assertThat(log)
                .contains("word=opened-by-the-vault")
                .contains("pw=" + SecretMask.MASK)
                .contains(vault.name() + " (Vault password)")
                .doesNotContain(password);

        long locked = jobs.launch(LaunchRequest.of(playbook, List.of(server)));
        var failed = fx.awaitEnd(locked, WAIT);
        assertThat(failed.job().getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(fx.log(locked)).containsIgnoringCase("vault");
    }

    @Test
    void a_playbook_printing_the_secrets_it_was_given_shows_only_the_mask() {
        var pair = TestKeys.ed25519("key-phrase-1");
        users.signIn(Role.ADMIN);
        var key = credentials.create(new CredentialDraft(
                "key-" + System.nanoTime(), CredentialKind.SSH_KEY, "deploy", null, pair.privateKey(), "key-phrase-1"));
        var becomePassword = "become-pw-" + System.nanoTime();
        var become = credentials.create(new CredentialDraft(
                "become-" + System.nanoTime(), CredentialKind.BECOME_PASSWORD, null, null, becomePassword, null));

        users.signIn(Role.OPERATOR);
        var serverId = fx.localServer();
        var server = servers.get(serverId).orElseThrow();
        server.setCredentialId(key.id()); // the server's default login
        servers.save(server);
        long id = jobs.launch(LaunchRequest.of(fx.playbook("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - shell: |
                        stat -c 'MODE=%%a' secrets/key-* host_vars/*
                        cat secrets/key-* host_vars/*
                        base64 -w0 secrets/key-*; echo
                      register: r
                    - debug: var=r.stdout_lines
                    - debug:
                        msg: "BECOME={{ ansible_become_password }} B64={{ lookup('file', 'secrets/key-%d') | b64encode }}"
                """.formatted(key.id())), List.of(serverId))
                .withCredentials(List.of(become.id())));
        var job = fx.awaitEnd(id, WAIT);
        var log = fx.log(id);

        assertThat(job.job().getStatus()).as(log).isEqualTo(JobStatus.SUCCESS);
        assertThat(log)
                .contains("MODE=600")
                .doesNotContain("MODE=644")
                .contains("BECOME=" + SecretMask.MASK)
                .contains("B64=" + SecretMask.MASK)
                .contains(SecretMask.MASK)
                .doesNotContain(becomePassword)
                .doesNotContain("key-phrase-1");
        pair.privateKey()
                .lines()
                .filter(l -> !l.startsWith("-----"))
                .forEach(line -> assertThat(log).doesNotContain(line));
        assertThat(log)
                .doesNotContain(Base64.getEncoder()
                        .encodeToString(pair.privateKey().strip().getBytes(StandardCharsets.UTF_8))
                        .substring(0, 40));
    }

    @Test
    void a_launch_refuses_a_missing_credential_or_two_logins() {
        users.signIn(Role.ADMIN);
        var a = credentials.create(new CredentialDraft(
                "pw-a-" + System.nanoTime(), CredentialKind.SSH_PASSWORD, "u", null, "password-a", null));
        var b = credentials.create(new CredentialDraft(
                "pw-b-" + System.nanoTime(), CredentialKind.SSH_PASSWORD, "u", null, "password-b", null));
        users.signIn(Role.OPERATOR);
        var request = LaunchRequest.of(fx.tasks("- ping:"), List.of(fx.localServer()));
        assertThatThrownBy(() -> jobs.launch(request.withCredentials(List.of(a.id(), b.id()))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("credentials"));
        assertThatThrownBy(() -> jobs.launch(request.withCredentials(List.of(-5L))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("credentials"));

        // A server's default logs in: a vault password is chosen at launch, not kept on a server.
        users.signIn(Role.ADMIN);
        var vault = credentials.create(new CredentialDraft(
                "v-" + System.nanoTime(), CredentialKind.VAULT_PASSWORD, null, null, "vault-x", null));
        users.signIn(Role.OPERATOR);
        var server = servers.get(request.serverIds().getFirst()).orElseThrow();
        server.setCredentialId(vault.id());
        assertThatThrownBy(() -> servers.save(server))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("credentialId"));

        users.signIn(Role.AUDITOR);
        assertThatThrownBy(() -> jobs.launch(request.withCredentials(List.of(a.id()))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> jobs.credentialChoices())
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    /** ansible-vault's own encrypt_string, with the password in a 0600 file. */
    static String encryptString(String password, String value, String name) throws Exception {
        var dir = Files.createTempDirectory("vault-test-");
        var file = dir.resolve("pw");
        Files.writeString(file, password);
        var p = new ProcessBuilder(
                        "ansible-vault",
                        "encrypt_string",
                        "--vault-password-file",
                        file.toString(),
                        "--name",
                        name,
                        value)
                .redirectErrorStream(false)
                .start();
        var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Files.delete(file);
        Files.delete(dir);
        assertThat(out).contains("$ANSIBLE_VAULT");
        return out.strip();
    }
}
