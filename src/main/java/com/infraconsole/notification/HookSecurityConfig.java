package com.infraconsole.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The inbound hooks' own filter chain, first of all: stateless, no CSRF token (callers are CI
 * systems, not browsers) and no login, because the HMAC signature checked by HookReceiver is the
 * authentication. Only POST reaches a handler; the API's token chain and the UI's chain come after.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class HookSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain hookFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/v1/hooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }
}
