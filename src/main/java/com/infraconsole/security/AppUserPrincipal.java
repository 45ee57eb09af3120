package com.infraconsole.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security holds it for the session. */
public final class AppUserPrincipal implements UserDetails, CredentialsContainer {

    private final long id;
    private final String username;
    private final Role role;
    private final boolean enabled;
    private final boolean accountNonLocked;
    private final long sessionGeneration;
    private String passwordHash;

    public AppUserPrincipal(
            long id, String username, String passwordHash, Role role, boolean enabled, boolean accountNonLocked) {
        this(id, username, passwordHash, role, enabled, accountNonLocked, 0);
    }

    /** @param sessionGeneration the account's revocation generation at sign-in ({@link SessionRevocations}) */
    public AppUserPrincipal(
            long id,
            String username,
            String passwordHash,
            Role role,
            boolean enabled,
            boolean accountNonLocked,
            long sessionGeneration) {
        this.sessionGeneration = sessionGeneration;
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = enabled;
        this.accountNonLocked = accountNonLocked;
    }

    public long id() {
        return id;
    }

    public Role role() {
        return role;
    }

    public long sessionGeneration() {
        return sessionGeneration;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return accountNonLocked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return username + " (" + role.label() + ")";
    }
}
