package com.infraconsole.api;

import com.infraconsole.user.ApiTokenVerifier;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} as the token's owner, in the same principal
 * type the screens use. A request without the header goes on anonymous (and is refused with 401
 * further on); a header with a token that is unknown, revoked, expired or whose owner is
 * deactivated is refused here, with the reason in the audit log only.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenVerifier verifier;
    private final ApiSecurityProblems problems;
    private final SecurityContextRepository contexts;

    BearerTokenFilter(ApiTokenVerifier verifier, ApiSecurityProblems problems, SecurityContextRepository contexts) {
        this.verifier = verifier;
        this.problems = problems;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        var existing =
                SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (header == null
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || (existing != null && existing.isAuthenticated())) { // the metrics scrape token
            chain.doFilter(request, response);
            return;
        }
        switch (verifier.verify(header.substring(BEARER.length()).trim())) {
            case ApiTokenVerifier.Accepted accepted -> {
                var authorities =
                        new ArrayList<GrantedAuthority>(accepted.principal().getAuthorities());
                if (!accepted.readOnly()) {
                    authorities.add(new SimpleGrantedAuthority(ApiSecurityConfig.WRITE));
                }
                var strategy = SecurityContextHolder.getContextHolderStrategy();
                var context = strategy.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(accepted.principal(), null, authorities));
                strategy.setContext(context);
                contexts.saveContext(context, request, response);
                chain.doFilter(request, response);
            }
            case ApiTokenVerifier.Refused refused -> problems.refuseToken(request, response, refused);
        }
    }
}
