package com.infraconsole.user;

import com.infraconsole.security.AppUserPrincipal;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a bearer token at every API request, against the owner's account as it is now: a token
 * of a deactivated account stops at once, and one of a demoted account acts with the lower role.
 * An account lockout (failed password logins) does not stop tokens: anyone could otherwise stop a
 * pipeline by typing wrong passwords for its account. Not a service: a use writes no audit row
 * (the API layer audits refusals), and last use is stored at most once a minute.
 */
@Component
public class ApiTokenVerifier {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** The outcome; on refusal {@code reason} is for the audit log, never for the caller. */
    public sealed interface Verification {}

    public record Accepted(AppUserPrincipal principal, long tokenId, boolean readOnly) implements Verification {}

    public record Refused(String reason, Long tokenId, String username) implements Verification {}

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final Clock clock;

    ApiTokenVerifier(ApiTokenRepository tokens, UserRepository users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public Verification verify(String text) {
        if (!TokenText.looksLikeToken(text)) {
            return new Refused("malformed token", null, null);
        }
        var token = tokens.findByTokenHash(TokenText.hash(text)).orElse(null);
        if (token == null) {
            return new Refused("unknown token", null, null);
        }
        var owner = users.findById(token.getUserId()).orElse(null);
        var name = owner == null ? null : owner.getUsername();
        var now = clock.instant();
        if (token.getRevokedAt() != null) {
            return new Refused("revoked token", token.getId(), name);
        }
        if (!token.getExpiresAt().isAfter(now)) {
            return new Refused("expired token", token.getId(), name);
        }
        if (owner == null || !owner.isActive()) {
            return new Refused("owner deactivated", token.getId(), name);
        }
        tokens.touch(token.getId(), now, now.minus(TOUCH_EVERY));
        var principal = new AppUserPrincipal(owner.getId(), owner.getUsername(), null, owner.getRole(), true, true);
        return new Accepted(principal, token.getId(), token.isReadOnly());
    }
}
