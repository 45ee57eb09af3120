package com.infraconsole.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Prometheus scrape with a static token of its own (infra.metrics.scrape-token), which is no
 * account and can read nothing but /actuator/prometheus. A bearer that is not it is left to the
 * API token check that runs first.
 */
final class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String SCRAPER = "METRICS_SCRAPE";

    private final String scrapeToken;

    ScrapeTokenFilter(String scrapeToken) {
        this.scrapeToken = scrapeToken == null ? "" : scrapeToken.trim();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (!scrapeToken.isEmpty() && header != null && OpsSecurityConfig.same(header, "Bearer " + scrapeToken)) {
            var strategy = SecurityContextHolder.getContextHolderStrategy();
            var context = strategy.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "prometheus", null, List.of(new SimpleGrantedAuthority(SCRAPER))));
            strategy.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
