package com.infraconsole.security;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as the console itself ("system", with admin rights): first-start bootstrap,
 * command-line commands, scheduled tasks. Services still check roles; the audit log names
 * "system" as the actor.
 */
public final class SystemAuthentication {

    public static final String USERNAME = "system";
    public static final AppUserPrincipal PRINCIPAL = new AppUserPrincipal(0, USERNAME, null, Role.ADMIN, true, true);

    private SystemAuthentication() {}

    public static <T> T call(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null, PRINCIPAL.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    public static boolean isSystem(AppUserPrincipal principal) {
        return principal != null && principal.id() == 0 && USERNAME.equals(principal.getUsername());
    }
}
