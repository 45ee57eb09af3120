package com.infraconsole.security;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Published for a login refused by the source throttle, so that it is counted and audited like other failures. */
public class LoginThrottledEvent extends AbstractAuthenticationFailureEvent {

    public LoginThrottledEvent(Authentication authentication, AuthenticationException exception) {
        super(authentication, exception);
    }
}
