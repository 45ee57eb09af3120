package com.infraconsole.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The old platform's password hashes, as werkzeug.security.generate_password_hash writes them:
 * {@code pbkdf2:<hash>:<iterations>$<salt>$<hex>} (hashlib.pbkdf2_hmac, key as long as the digest)
 * and {@code scrypt:<n>:<r>:<p>$<salt>$<hex>} (hashlib.scrypt, 64-byte key). The salt is used as
 * its UTF-8 text, not decoded. Only verified, never written: a match is rehashed to bcrypt.
 */
final class WerkzeugHash {

    // A hash with absurd parameters must not turn one login into minutes of CPU or gigabytes of memory.
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int MAX_SCRYPT_N = 1 << 20;

    private WerkzeugHash() {}

    static boolean isWerkzeug(String encoded) {
        return encoded != null
                && (encoded.startsWith("pbkdf2:") || encoded.startsWith("scrypt:"))
                && encoded.chars().filter(c -> c == '$').count() == 2;
    }

    /** False for anything that is not a well-formed werkzeug hash of a supported method. */
    static boolean matches(CharSequence raw, String encoded) {
        if (raw == null || !isWerkzeug(encoded)) {
            return false;
        }
        var parts = encoded.split("\\$", -1);
        var method = parts[0].split(":");
        var salt = parts[1].getBytes(StandardCharsets.UTF_8);
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(parts[2].toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        var password = raw.toString().getBytes(StandardCharsets.UTF_8);
        try {
            byte[] actual = switch (method[0]) {
                case "pbkdf2" -> pbkdf2(method, password, salt);
                case "scrypt" -> scrypt(method, password, salt);
                default -> null;
            };
            return actual != null && actual.length == expected.length && MessageDigest.isEqual(actual, expected);
        } catch (NumberFormatException | GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] pbkdf2(String[] method, byte[] password, byte[] salt) throws GeneralSecurityException {
        // werkzeug has written the iterations into every hash since 0.x; one without them used a
        // version-dependent default and is refused rather than guessed.
        if (method.length != 3) {
            return null;
        }
        var algorithm = switch (method[1]) {
            case "sha1" -> "HmacSHA1";
            case "sha256" -> "HmacSHA256";
            case "sha512" -> "HmacSHA512";
            default -> null;
        };
        int iterations = Integer.parseInt(method[2]);
        if (algorithm == null || iterations < 1 || iterations > MAX_ITERATIONS) {
            return null;
        }
        var mac = Mac.getInstance(algorithm);
        // An empty password is a valid HMAC key for hashlib, not for SecretKeySpec: pad as HMAC does.
        mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, algorithm));
        return pbkdf2(mac, salt, iterations);
    }

    /** PBKDF2 (RFC 8018) with a key as long as one HMAC output, as hashlib.pbkdf2_hmac's default. */
    private static byte[] pbkdf2(Mac mac, byte[] salt, int iterations) {
        mac.update(salt);
        mac.update(new byte[] {0, 0, 0, 1});
        var u = mac.doFinal();
        var t = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < t.length; j++) {
                t[j] ^= u[j];
            }
        }
        return t;
    }

    private static byte[] scrypt(String[] method, byte[] password, byte[] salt) {
        if (method.length != 4) {
            return null;
        }
        int n = Integer.parseInt(method[1]);
        int r = Integer.parseInt(method[2]);
        int p = Integer.parseInt(method[3]);
        if (n < 2 || n > MAX_SCRYPT_N || Integer.bitCount(n) != 1 || r < 1 || r > 32 || p < 1 || p > 16) {
            return null;
        }
        return SCrypt.generate(password, salt, n, r, p, 64);
    }
}
