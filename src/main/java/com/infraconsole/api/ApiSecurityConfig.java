package com.infraconsole.api;

import com.infraconsole.user.ApiTokenVerifier;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The API's own chain, before the Vaadin UI's: no session, no CSRF (a bearer token is not sent by
 * a browser on its own, so there is nothing to forge), no login page. Requests without a valid
 * token get 401, role refusals 403; read-only tokens may only read. Services check roles again
 * with {@code @PreAuthorize}, on the token owner's current role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiSecurityConfig {

    /** Granted to tokens that are not read-only; every method but GET and HEAD needs it. */
    static final String WRITE = "API_WRITE";

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http, ApiTokenVerifier verifier, ApplicationEventPublisher events) throws Exception {
        var problems = new ApiSecurityProblems(events);
        var contexts = new RequestAttributeSecurityContextRepository();
        return http.securityMatcher("/api/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(c -> c.securityContextRepository(contexts))
                .addFilterBefore(
                        new BearerTokenFilter(verifier, problems, contexts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // A streamed response comes back on an async dispatch of the request already authorised.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        // The OpenAPI document and its UI describe the API, never data (docs/api.md).
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/openapi.json",
                                "/api/v1/openapi.json/**",
                                "/api/v1/docs",
                                "/api/v1/docs/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .authenticated()
                        .anyRequest()
                        .hasAuthority(WRITE))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
