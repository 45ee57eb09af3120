package com.infraconsole.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the login form's request says besides name and password: its address (after trusted-proxy
 * resolution) and, when the browser has signed in to an account before, the SHA-256 of its device
 * cookie. The token itself is never kept: these details stay in the session after the login.
 */
public class LoginDetails extends WebAuthenticationDetails {

    /** The cookie that marks a browser that has signed in before (set by the user feature's KnownDevices). */
    public static final String DEVICE_COOKIE = "INFRA_DEVICE";

    private final String deviceTokenHash;

    public LoginDetails(HttpServletRequest request) {
        super(request);
        this.deviceTokenHash = hash(deviceToken(request));
    }

    /** The hash of the device cookie the login came with, or null. */
    public static String deviceTokenHash(Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof LoginDetails details
                ? details.deviceTokenHash
                : null;
    }

    public static String hash(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return null;
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String deviceToken(HttpServletRequest request) {
        var cookies = request.getCookies();
        return cookies == null
                ? null
                : Arrays.stream(cookies)
                        .filter(c -> DEVICE_COOKIE.equals(c.getName()))
                        .map(Cookie::getValue)
                        .findFirst()
                        .orElse(null);
    }
}
