package com.infraconsole.user;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The login check. Spring's default refuses a locked or inactive account before it checks the
 * password, so such accounts answered without the bcrypt cost and their state showed in the
 * response time. Here the password is always checked first (an unknown name is checked against a
 * dummy hash by Spring itself), and the account's state after it: every attempt costs the same.
 */
@Configuration(proxyBeanMethods = false)
class LoginAuthentication {

    @Bean
    DaoAuthenticationProvider loginAuthenticationProvider(AccountDetailsService accounts, PasswordEncoder encoder) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(account -> {});
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /**
     * Publishes login success and failure events, which throttling and the audit log consume; a
     * database outage while they write refuses the login cleanly (OutageAwareAuthenticationEvents).
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new OutageAwareAuthenticationEvents(new DefaultAuthenticationEventPublisher(publisher));
    }
}
