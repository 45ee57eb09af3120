package com.infraconsole.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class CredentialServiceTest {

    @Autowired
    CredentialService credentials;

    @Autowired
    CredentialUnlocker unlocker;

    @Autowired
    MasterKeyRotation rotation;

    @Autowired
    MasterKeys keys;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_key_is_stored_sealed_shown_by_fingerprint_and_audited_without_its_value() throws Exception {
        var pair = TestKeys.ed25519("s3cret-phrase");
        testUsers.signIn(Role.ADMIN);
        var saved = credentials.create(new CredentialDraft(
                "deploy-" + System.nanoTime(),
                CredentialKind.SSH_KEY,
                "deploy",
                null,
                pair.privateKey(),
                "s3cret-phrase"));

        assertThat(saved.publicKey()).isEqualTo(pair.publicKey());
        assertThat(saved.fingerprint()).startsWith("SHA256:").endsWith("(ED25519)");
        var row = jdbc.queryForMap("SELECT * FROM credentials WHERE id = ?", saved.id());
        var keyBody = pair.privateKey().lines().skip(1).findFirst().orElseThrow();
        assertThat(row.get("secret_ciphertext").toString())
                .doesNotContain(keyBody)
                .doesNotContain("PRIVATE KEY");
        assertThat(row.get("passphrase_ciphertext").toString()).doesNotContain("s3cret-phrase");
        assertThat(row.get("key_id")).isEqualTo(keys.current().id());
        assertThat(row.get("created_by")).isNotNull();

        var audit = jdbc.queryForMap(
                "SELECT action, changes FROM audit_logs WHERE entity_type = 'Credential'"
                        + " AND entity_id = ? ORDER BY seq DESC LIMIT 1",
                String.valueOf(saved.id()));
        assertThat(audit.get("action")).isEqualTo("CREATE");
        assertThat(audit.get("changes").toString())
                .contains(saved.name())
                .contains("***")
                .doesNotContain(keyBody)
                .doesNotContain("s3cret-phrase");
        // Under the hood: the key file the sandbox never sees is the console's own, 0600.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file())))
                .isEqualTo("rw-------");
    }

    @Test
    void a_wrong_passphrase_or_a_non_key_is_a_field_message_and_nothing_is_written() {
        var pair = TestKeys.ed25519("right-one");
        testUsers.signIn(Role.ADMIN);
        long before = count();
        assertThatThrownBy(() -> credentials.create(new CredentialDraft(
                        "k-" + System.nanoTime(), CredentialKind.SSH_KEY, null, null, pair.privateKey(), "wrong-one")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("passphrase"));
        assertThatThrownBy(() -> credentials.create(new CredentialDraft(
                        "k-" + System.nanoTime(), CredentialKind.SSH_KEY, null, null, "not a key at all", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("secret"));
        assertThatThrownBy(() -> credentials.create(
                        new CredentialDraft(" ", CredentialKind.VAULT_PASSWORD, null, null, "", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("name", "secret"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void operators_pick_credentials_auditors_do_not_see_them_and_only_admins_change_them() {
        testUsers.signIn(Role.ADMIN);
        var vault = credentials.create(new CredentialDraft(
                "vault-" + System.nanoTime(), CredentialKind.VAULT_PASSWORD, null, null, "vault-pass-1", null));

        testUsers.signIn(Role.OPERATOR);
        assertThat(credentials.choices()).extracting(CredentialSummary::id).contains(vault.id());
        assertThatThrownBy(() -> credentials.create(new CredentialDraft(
                        "op-" + System.nanoTime(), CredentialKind.VAULT_PASSWORD, null, null, "x", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credentials.delete(vault.id(), vault.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> unlocker.unlock(vault.id())).isInstanceOf(AccessDeniedException.class);

        testUsers.signIn(Role.AUDITOR);
        assertThatThrownBy(() -> credentials.choices()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credentials.list(Pageable.ofSize(10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> credentials.get(vault.id())).isInstanceOf(AccessDeniedException.class);

        // Not even an ADMIN reads a secret back: only the console's runner unlocks one.
        testUsers.signIn(Role.ADMIN);
        assertThatThrownBy(() -> unlocker.unlock(vault.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(SystemAuthentication.call(() -> unlocker.unlock(vault.id()))
                        .orElseThrow()
                        .secret())
                .isEqualTo("vault-pass-1");
    }

    @Test
    void an_edit_with_an_empty_secret_keeps_the_stored_one() {
        testUsers.signIn(Role.ADMIN);
        var c = credentials.create(new CredentialDraft(
                "become-" + System.nanoTime(), CredentialKind.BECOME_PASSWORD, null, null, "become-1", null));
        var sealed =
                jdbc.queryForObject("SELECT secret_ciphertext FROM credentials WHERE id = ?", String.class, c.id());
        var renamed = credentials.update(
                c.id(), c.version(), new CredentialDraft(c.name() + "-x", null, null, "ops", "", null));
        assertThat(renamed.name()).endsWith("-x");
        assertThat(jdbc.queryForObject("SELECT secret_ciphertext FROM credentials WHERE id = ?", String.class, c.id()))
                .isEqualTo(sealed);
        assertThat(SystemAuthentication.call(() -> unlocker.unlock(c.id()))
                        .orElseThrow()
                        .secret())
                .isEqualTo("become-1");
    }

    @Test
    void a_passphrase_key_is_unlocked_without_its_passphrase_for_a_run() throws Exception {
        var pair = TestKeys.ed25519("phrase-for-run");
        testUsers.signIn(Role.ADMIN);
        var c = credentials.create(new CredentialDraft(
                "run-" + System.nanoTime(), CredentialKind.SSH_KEY, null, null, pair.privateKey(), "phrase-for-run"));
        var open = SystemAuthentication.call(() -> unlocker.unlock(c.id())).orElseThrow();
        // ssh in a run cannot answer a prompt: the key it gets opens with no passphrase at all.
        assertThat(SshKeys.publicPart(open.secret(), null).publicKey()).isEqualTo(pair.publicKey());
        assertThat(open.values()).contains("phrase-for-run");
        assertThat(open.toString()).doesNotContain("phrase-for-run").doesNotContain("PRIVATE");
    }

    @Test
    void rotating_the_master_key_reseals_every_credential_and_records_it() {
        testUsers.signIn(Role.ADMIN);
        var c = credentials.create(new CredentialDraft(
                "rot-" + System.nanoTime(), CredentialKind.SSH_PASSWORD, "ops", null, "ssh-pass-9", null));
        var oldKey = keys.current().id();
        var result = SystemAuthentication.call(() -> rotation.rotate());

        assertThat(result.keyId()).isNotEqualTo(oldKey);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM credentials WHERE key_id <> ?", Long.class, result.keyId()))
                .isZero();
        assertThat(SystemAuthentication.call(() -> unlocker.unlock(c.id()))
                        .orElseThrow()
                        .secret())
                .isEqualTo("ssh-pass-9");
        var audit = jdbc.queryForMap("SELECT action, entity_id, changes FROM audit_logs WHERE action ="
                + " 'CREDENTIAL_KEY_ROTATE' ORDER BY seq DESC LIMIT 1");
        assertThat(audit.get("entity_id")).isEqualTo(result.keyId());
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_logs WHERE action = 'CREDENTIAL_RESEAL'" + " AND entity_id = ?",
                        Long.class,
                        String.valueOf(c.id())))
                .isEqualTo(1);
        assertThat(Path.of(result.keySource())).isEqualTo(keys.file());
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM credentials", Long.class);
    }
}
