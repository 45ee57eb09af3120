package com.infraconsole.credential;

/**
 * A credential as an admin types it. On an edit a blank secret keeps the stored one (the form never
 * shows it); a passphrase only counts for an SSH key.
 */
public record CredentialDraft(
        String name, CredentialKind kind, String username, String description, String secret, String passphrase) {

    @Override
    public String toString() {
        return "CredentialDraft[" + name + ", " + kind + "]"; // never the secret, even in a stack trace
    }
}
