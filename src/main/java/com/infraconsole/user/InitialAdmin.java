package com.infraconsole.user;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the first start of the console with no users at all, creates {@code admin} with a random
 * password, printed once in the log, that must be replaced at first login.
 */
@Component
class InitialAdmin {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserService userService;

    InitialAdmin(UserService userService) {
        this.userService = userService;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext) || userService.count() > 0) {
            return; // command-line runs create their admin with create-admin
        }
        create("admin").ifPresent(password -> log.warn("""

                ================================================================
                 No users existed, so an administrator was created:
                   username: admin
                   password: {}
                 This password is shown once. You must change it at first login.
                ================================================================""", password));
    }

    /**
     * Creates the administrator and returns its password, or nothing when the name was taken
     * meanwhile: two nodes starting together on an empty database both see no users, and the
     * one that loses the race must start normally, not fail on the unique key.
     */
    Optional<String> create(String username) {
        var password = randomPassword(20);
        try {
            SystemAuthentication.run(() ->
                    userService.create(username, username + "@localhost.localdomain", Role.ADMIN, password, true));
            return Optional.of(password);
        } catch (InvalidInputException e) {
            if (!e.fieldErrors().containsKey("username")) {
                throw e;
            }
            log.info("Another console node created the first administrator {} at the same time", username);
            return Optional.empty();
        }
    }

    static String randomPassword(int length) {
        var random = new SecureRandom();
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
