package com.infraconsole.credential;

/** What a credential holds and how a run uses it. */
public enum CredentialKind {
    SSH_KEY("SSH private key", true),
    SSH_PASSWORD("SSH password", true),
    BECOME_PASSWORD("Become password", false),
    VAULT_PASSWORD("Vault password", false);

    private final String label;
    private final boolean connects;

    CredentialKind(String label, boolean connects) {
        this.label = label;
        this.connects = connects;
    }

    public String label() {
        return label;
    }

    /** Whether it logs in to a host: only these can be a server's or an environment's default. */
    public boolean connects() {
        return connects;
    }
}
