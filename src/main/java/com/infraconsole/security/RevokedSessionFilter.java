package com.infraconsole.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose account was changed on another node (role, deactivation, password reset):
 * {@link LiveSessions} can only end the sessions of the node that made the change. At most every
 * {@link #CHECK_EVERY} per session it reads the account's revocation generation (one primary-key
 * read); a session signed in under an older one is invalidated before Spring Security and Vaadin
 * see the request, as an idle one is, and the browser reloads to the login page.
 */
final class RevokedSessionFilter extends OncePerRequestFilter {

    static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final String SEEN = RevokedSessionFilter.class.getName() + ".generation";
    private static final String CHECKED_AT = RevokedSessionFilter.class.getName() + ".checkedAt";
    private static final Logger log = LoggerFactory.getLogger(RevokedSessionFilter.class);

    private final SessionRevocations revocations;
    private final Clock clock;

    RevokedSessionFilter(SessionRevocations revocations, Clock clock) {
        this.revocations = revocations;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof AppUserPrincipal principal) {
            var now = clock.millis();
            if (!(session.getAttribute(CHECKED_AT) instanceof Long checked)
                    || now - checked >= CHECK_EVERY.toMillis()) {
                session.setAttribute(CHECKED_AT, now);
                var seen = session.getAttribute(SEEN) instanceof Long s ? s : principal.sessionGeneration();
                var revocation = revocations.current(principal.id()).orElse(null);
                if (revocation != null && revocation.generation() > seen) {
                    if (SessionRevocations.hash(session.getId()).equals(revocation.keptSessionHash())) {
                        session.setAttribute(SEEN, revocation.generation()); // the session that made the change
                    } else {
                        log.info(
                                "Ending a session of {}: the account was changed on another node",
                                principal.getUsername());
                        try {
                            session.invalidate();
                        } catch (IllegalStateException alreadyInvalidated) {
                            // ended meanwhile
                        }
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
