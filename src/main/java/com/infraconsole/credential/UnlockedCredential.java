package com.infraconsole.credential;

import java.util.ArrayList;
import java.util.List;

/**
 * A credential opened for one run. {@code secret} of an SSH key is the key without passphrase.
 * Lives only while the runner writes it into a sandbox's 0600 files; toString never shows it.
 */
public record UnlockedCredential(
        long id, String name, CredentialKind kind, String username, String secret, String passphrase) {

    /** The values a job's output must never show: the secret, the passphrase, and each line of a key. */
    public List<String> values() {
        var all = new ArrayList<String>();
        for (var v : new String[] {secret, passphrase}) {
            if (v == null || v.isEmpty()) {
                continue;
            }
            all.add(v.strip());
            v.lines()
                    .map(String::strip)
                    .filter(l -> l.length() >= 8 && !l.startsWith("-----"))
                    .forEach(all::add);
        }
        return all;
    }

    @Override
    public String toString() {
        return "UnlockedCredential[" + id + " " + name + ", " + kind + "]";
    }
}
