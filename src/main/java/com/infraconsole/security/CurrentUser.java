package com.infraconsole.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting right now, for services that record or check the actor. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<AppUserPrincipal> get() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof AppUserPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    public static AppUserPrincipal require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }

    /** The id of the signed-in account; empty off-session and for the console itself ("system"). */
    public static Optional<Long> accountId() {
        return get().filter(p -> !SystemAuthentication.isSystem(p)).map(AppUserPrincipal::id);
    }

    public static boolean hasRole(Role role) {
        return get().map(p -> p.role() == role).orElse(false);
    }
}
