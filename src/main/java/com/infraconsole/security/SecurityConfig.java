package com.infraconsole.security;

import com.infraconsole.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

@Configuration
@EnableMethodSecurity // @PreAuthorize only: jsr250 would proxy views, whose @RolesAllowed is for navigation
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    /**
     * Web security only when there is a web server: the command-line mode (init-db, db-status...)
     * runs without one, and Vaadin's configurer needs the servlet context. Method security above
     * stays on in both modes.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    @EnableWebSecurity
    static class WebSecurity {

        @Bean
        SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry registry) throws Exception {
            // Admin screens (/admin/**, users, environments) are also refused at the HTTP level, so a
            // typed URL gets the 403 page rather than Vaadin's in-page denial; views and services still
            // check the role themselves.
            return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                    "/styles.css", "/icons/**", "/error", "/error/**")
                            .permitAll()
                            .requestMatchers("/admin/**", "/users", "/users/**", "/environments", "/environments/**")
                            .hasRole(Role.ADMIN_NAME))
                    // Every signed-in session is registered, so that an account change can end it (LiveSessions).
                    .sessionManagement(sessions -> sessions.maximumSessions(-1)
                            .sessionRegistry(registry)
                            .expiredSessionStrategy(new SessionExpiredResponse()))
                    .headers(SecurityConfig::headers)
                    // A throttled source is told how long to wait; every other failure gets the one generic message.
                    // The login page is named here too: without it Spring Security would initialise the form login
                    // before Vaadin names its view, and serve its own generated login page.
                    .formLogin(form -> form.loginPage("/login")
                            .failureHandler(new LoginFailureRedirect())
                            .authenticationDetailsSource(LoginDetails::new))
                    .with(VaadinSecurityConfigurer.vaadin(), configurer -> configurer.loginView(LoginView.class))
                    .build();
        }

        /**
         * Before Spring Security's chain (order -100), so that a session it ends is already gone
         * when the request is authenticated.
         */
        @Bean
        FilterRegistrationBean<IdleSessionFilter> idleSessionFilter(IdleTimeout timeout, Clock clock) {
            var registration = new FilterRegistrationBean<>(new IdleSessionFilter(timeout, clock));
            registration.setOrder(-101);
            return registration;
        }

        /** Right after the idle check: a session whose account another node changed ends too. */
        @Bean
        FilterRegistrationBean<RevokedSessionFilter> revokedSessionFilter(SessionRevocations revocations, Clock clock) {
            var registration = new FilterRegistrationBean<>(new RevokedSessionFilter(revocations, clock));
            registration.setOrder(-100);
            return registration;
        }

        /** Tells the session registry when the container destroys a session or changes its id. */
        @Bean
        HttpSessionEventPublisher httpSessionEventPublisher() {
            return new HttpSessionEventPublisher();
        }
    }

    /**
     * Vaadin needs inline and eval'd script and inline style: its bootstrap page starts the client
     * engine with an inline script, and the engine runs the expressions the server sends by building
     * functions from them. Everything else is held to this origin; no page may frame the console.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** HSTS goes only on secure requests (direct TLS, or X-Forwarded-Proto: https from a trusted proxy). */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .httpStrictTransportSecurity(
                        hsts -> hsts.maxAgeInSeconds(365L * 24 * 3600).includeSubDomains(true))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /**
     * bcrypt; the cost is configurable so that tests may use the minimum the issue allows. Accounts
     * taken over from the old platform (db-adopt) log in with their werkzeug hashes once, which are
     * then rehashed to bcrypt (see AccountPasswordEncoder).
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${infra.security.bcrypt-cost:12}") int cost) {
        return new AccountPasswordEncoder(new BCryptPasswordEncoder(Math.max(10, cost)));
    }
}
