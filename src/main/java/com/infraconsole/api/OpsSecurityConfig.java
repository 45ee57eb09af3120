package com.infraconsole.api;

import com.infraconsole.security.Role;
import com.infraconsole.user.ApiTokenVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Actuator and the API docs' static files, stateless like the API. Liveness and readiness are open
 * (a load balancer has no token; they show no details). Prometheus metrics need an admin's API
 * token or the scrape token configured in {@code infra.metrics.scrape-token}. Every other
 * actuator endpoint is refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OpsSecurityConfig {

    @Bean
    @Order(3)
    SecurityFilterChain opsSecurityFilterChain(
            HttpSecurity http,
            ApiTokenVerifier verifier,
            ApplicationEventPublisher events,
            @Value("${infra.metrics.scrape-token:}") String scrapeToken)
            throws Exception {
        var problems = new ApiSecurityProblems(events);
        var contexts = new RequestAttributeSecurityContextRepository();
        return http.securityMatcher("/actuator/**", "/swagger-ui/**", "/v3/api-docs/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(c -> c.securityContextRepository(contexts))
                .addFilterBefore(new ScrapeTokenFilter(scrapeToken), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new BearerTokenFilter(verifier, problems, contexts), ScrapeTokenFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/liveness",
                                "/actuator/health/readiness",
                                "/swagger-ui/**",
                                "/v3/api-docs/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(adminOrScraper())
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> adminOrScraper() {
        return (authentication, context) -> {
            var auth = authentication.get();
            var allowed = auth != null
                    && auth.isAuthenticated()
                    && auth.getAuthorities().stream()
                            .anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority())
                                    || a.getAuthority().equals(ScrapeTokenFilter.SCRAPER));
            return new AuthorizationDecision(allowed);
        };
    }

    /** Compares in constant time, so that the answer's timing tells nothing about the token. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
