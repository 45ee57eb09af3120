package com.infraconsole.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the login page after a failed login: {@code ?throttled=N} when the source must wait N
 * seconds (that says nothing about the account), {@code ?error} for everything else.
 */
final class LoginFailureRedirect implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        var target = exception instanceof LoginThrottledException throttled
                ? "/login?throttled=" + throttled.retryAfterSeconds()
                : "/login?error";
        response.sendRedirect(request.getContextPath() + target);
    }
}
