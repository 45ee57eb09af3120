package com.infraconsole.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The text of a token: a recognisable prefix (so that secret scanners and people can tell what
 * leaked) and 256 random bits. With that much entropy a plain SHA-256 is enough to store it: there
 * is nothing to guess that a slow hash would protect.
 */
final class TokenText {

    static final String PREFIX = "ic_pat_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenText() {}

    static String generate() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The prefix and four characters: enough to tell tokens apart, useless for guessing. */
    static String hint(String text) {
        return text.substring(0, PREFIX.length() + 4);
    }

    static boolean looksLikeToken(String text) {
        return text != null && text.startsWith(PREFIX) && text.length() == PREFIX.length() + 43;
    }
}
