package com.infraconsole.user;

import com.infraconsole.security.LoginSources;
import com.infraconsole.security.LoginThrottledEvent;
import com.infraconsole.security.LoginThrottledException;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The login check. Spring's default refuses a locked or inactive account before it checks the
 * password, so such accounts answered without the bcrypt cost and their state showed in the
 * response time. Here the password is always checked first (an unknown name is checked against a
 * dummy hash by Spring itself), and the account's state after it: every attempt costs the same.
 * A successful login with an old platform's werkzeug hash stores the password as bcrypt.
 * Before all that, a source address that is waiting out its back-off is refused unchecked
 * (LoginSources); that answer depends on the address only, never on the account. A locked account
 * still accepts the right password from a browser that signed in to it before (KnownDevices).
 */
@Configuration(proxyBeanMethods = false)
class LoginAuthentication {

    @Bean
    DaoAuthenticationProvider loginAuthenticationProvider(
            AccountDetailsService accounts,
            PasswordEncoder encoder,
            PasswordRehash rehash,
            LoginSources sources,
            KnownDevices devices) {
        var provider = new ThrottledProvider(accounts, sources, devices);
        provider.setPasswordEncoder(encoder);
        provider.setUserDetailsPasswordService(rehash);
        provider.setPreAuthenticationChecks(account -> {});
        provider.setPostAuthenticationChecks(account -> {
            if (!account.isEnabled()) {
                throw new DisabledException("User is disabled");
            }
        });
        return provider;
    }

    /**
     * Publishes login success and failure events, which throttling and the audit log consume; a
     * database outage while they write refuses the login cleanly (OutageAwareAuthenticationEvents).
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        var events = new DefaultAuthenticationEventPublisher(publisher);
        events.setAdditionalExceptionMappings(Map.of(LoginThrottledException.class, LoginThrottledEvent.class));
        return new OutageAwareAuthenticationEvents(events);
    }

    private static final class ThrottledProvider extends DaoAuthenticationProvider {

        private final LoginSources sources;
        private final KnownDevices devices;

        ThrottledProvider(AccountDetailsService accounts, LoginSources sources, KnownDevices devices) {
            super(accounts);
            this.sources = sources;
            this.devices = devices;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            sources.checkAllowed(LoginSources.sourceOf(authentication));
            return super.authenticate(authentication);
        }

        /** The password first (it throws when wrong), then the lock, which a known browser passes. */
        @Override
        protected void additionalAuthenticationChecks(UserDetails account, UsernamePasswordAuthenticationToken login) {
            super.additionalAuthenticationChecks(account, login);
            if (!account.isAccountNonLocked() && !devices.knows(login, account.getUsername())) {
                throw new LockedException("User account is locked");
            }
        }
    }
}
