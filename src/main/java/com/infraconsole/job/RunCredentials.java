package com.infraconsole.job;

import com.infraconsole.credential.CredentialUnlocker;
import com.infraconsole.credential.UnlockedCredential;
import com.infraconsole.server.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials of one run, unlocked: per host the login (the launch's, else the server's
 * default, else its environment's) and the launch's become password; the launch's vault password.
 * A host without any login credential connects as before, with the keys of INFRA_JOB_SSH_DIR.
 */
final class RunCredentials {

    static final RunCredentials NONE = new RunCredentials(Map.of(), Map.of(), null, null);

    private final Map<Long, UnlockedCredential> byId;
    private final Map<String, Long> loginByHost;
    private final UnlockedCredential become;
    private final UnlockedCredential vault;

    private RunCredentials(
            Map<Long, UnlockedCredential> byId,
            Map<String, Long> loginByHost,
            UnlockedCredential become,
            UnlockedCredential vault) {
        this.byId = byId;
        this.loginByHost = loginByHost;
        this.become = become;
        this.vault = vault;
    }

    /** @throws IllegalStateException naming the credential that is gone or does not open */
    static RunCredentials unlock(Job job, List<Server> targets, CredentialUnlocker unlocker) {
        var byId = new LinkedHashMap<Long, UnlockedCredential>();
        UnlockedCredential chosenLogin = null;
        UnlockedCredential become = null;
        UnlockedCredential vault = null;
        for (var id : job.getCredentialIds()) {
            var c = open(id, byId, unlocker);
            switch (c.kind()) {
                case SSH_KEY, SSH_PASSWORD -> chosenLogin = c;
                case BECOME_PASSWORD -> become = c;
                case VAULT_PASSWORD -> vault = c;
            }
        }
        var loginByHost = new LinkedHashMap<String, Long>();
        for (var s : targets) {
            Long id = chosenLogin != null
                    ? Long.valueOf(chosenLogin.id())
                    : s.getCredentialId() != null
                            ? s.getCredentialId()
                            : s.getEnvironment().getCredentialId();
            if (id != null) {
                var c = open(id, byId, unlocker);
                if (!c.kind().connects()) {
                    throw new IllegalStateException("Credential " + c.name() + " of " + s.getHostname()
                            + " does not log in (it is a " + c.kind().label() + ")");
                }
                loginByHost.put(s.getHostname(), id);
            }
        }
        return new RunCredentials(byId, loginByHost, become, vault);
    }

    private static UnlockedCredential open(long id, Map<Long, UnlockedCredential> byId, CredentialUnlocker unlocker) {
        var known = byId.get(id);
        if (known != null) {
            return known;
        }
        var c = unlocker.unlock(id)
                .orElseThrow(() -> new IllegalStateException(
                        "Credential " + id + " was deleted: choose another one and launch again"));
        byId.put(id, c);
        return c;
    }

    Iterable<UnlockedCredential> all() {
        return byId.values();
    }

    Optional<UnlockedCredential> loginOf(String hostname) {
        return Optional.ofNullable(loginByHost.get(hostname)).map(byId::get);
    }

    Optional<UnlockedCredential> become() {
        return Optional.ofNullable(become);
    }

    Optional<UnlockedCredential> vault() {
        return Optional.ofNullable(vault);
    }

    /** Names, never values, for the log's first line. */
    String describe() {
        var names = new ArrayList<String>();
        byId.values().forEach(c -> names.add(c.name() + " (" + c.kind().label() + ")"));
        return names.isEmpty() ? "" : ", credentials: " + String.join(", ", names);
    }

    SecretMask mask() {
        var values = new ArrayList<String>();
        byId.values().forEach(c -> values.addAll(c.values()));
        return new SecretMask(values);
    }
}
