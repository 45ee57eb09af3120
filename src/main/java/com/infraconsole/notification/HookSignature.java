package com.infraconsole.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a call against a hook's secret, GitHub style (X-Hub-Signature-256: sha256= and the
 * HMAC-SHA256 of the raw body in hex) or GitLab style (X-Gitlab-Token: the secret itself). Both
 * compare in constant time. Neither the secret nor what the caller sent is ever returned.
 */
final class HookSignature {

    static final String GITHUB = "X-Hub-Signature-256";
    static final String GITLAB = "X-Gitlab-Token";

    private HookSignature() {}

    /** Empty when the call is authentic, else why not (for the audit row, without any value). */
    static Optional<String> refusal(String secret, byte[] body, UnaryOperator<String> header) {
        var signature = header.apply(GITHUB);
        if (signature != null) {
            var text = signature.strip().toLowerCase(Locale.ROOT);
            if (!text.startsWith("sha256=")) {
                return Optional.of(GITHUB + " is not sha256=<hex>");
            }
            byte[] given;
            try {
                given = HexFormat.of().parseHex(text.substring("sha256=".length()));
            } catch (IllegalArgumentException e) {
                return Optional.of(GITHUB + " is not sha256=<hex>");
            }
            return MessageDigest.isEqual(hmac(secret, body), given)
                    ? Optional.empty()
                    : Optional.of(GITHUB + " does not match the body");
        }
        var token = header.apply(GITLAB);
        if (token != null) {
            return MessageDigest.isEqual(
                            token.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))
                    ? Optional.empty()
                    : Optional.of(GITLAB + " is wrong");
        }
        return Optional.of("no " + GITHUB + " or " + GITLAB + " header");
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }
}
