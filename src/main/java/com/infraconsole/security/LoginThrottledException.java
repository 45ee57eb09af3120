package com.infraconsole.security;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A login refused unchecked because its source address failed too often lately. An
 * AccountStatusException so that the provider manager stops at it instead of trying the next
 * provider; it says nothing about the account, only about the address.
 */
public class LoginThrottledException extends AccountStatusException {

    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
        super("Too many failed logins from this address");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
