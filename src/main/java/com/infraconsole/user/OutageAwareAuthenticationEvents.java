package com.infraconsole.user;

import com.infraconsole.base.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Login events whose listeners write to the database (the audit row, the failure count). When the
 * database does not answer, a listener's error would escape the login as a raw error page; here
 * it becomes what it is for the person: a login that could not be done.
 *
 * <p>A success that cannot be recorded is refused: nobody signs in without an audit row. A failure
 * that cannot be recorded is still a failure; it is logged instead, as nothing else can hold it.
 */
final class OutageAwareAuthenticationEvents implements AuthenticationEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutageAwareAuthenticationEvents.class);

    private final AuthenticationEventPublisher delegate;

    OutageAwareAuthenticationEvents(AuthenticationEventPublisher delegate) {
        this.delegate = delegate;
    }

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {
        try {
            delegate.publishAuthenticationSuccess(authentication);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            throw new AuthenticationServiceException(DatabaseUnavailable.LOGIN_MESSAGE, e);
        }
    }

    @Override
    public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        try {
            delegate.publishAuthenticationFailure(exception, authentication);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            log.warn(
                    "Failed login of '{}' ({}) not audited: the database is not answering",
                    authentication.getName(),
                    exception.getClass().getSimpleName());
        }
    }
}
