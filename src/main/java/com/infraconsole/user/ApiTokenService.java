package com.infraconsole.user;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.audit.AuditAction;
import com.infraconsole.security.AdminOnly;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the REST API: created by their owner (or, for any account, by an
 * admin and the create-token command), revoked by their owner or an admin. The text is returned
 * once; only its SHA-256 is stored. Creation and revocation are audited as TOKEN_CREATE and
 * TOKEN_REVOKE, with the hash masked.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ApiTokenService {

    public static final int MAX_DAYS = 365;
    public static final int DEFAULT_DAYS = 90;

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, UserRepository users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    /** A token for the signed-in account. */
    @Transactional
    @AuditAction("TOKEN_CREATE")
    public NewApiToken create(String name, int expiresDays, boolean readOnly) {
        var me = users.findById(CurrentUser.require().id()).orElseThrow();
        return issue(me, name, expiresDays, readOnly);
    }

    /** A token for any account, for instance a service account a pipeline uses. */
    @Transactional
    @AdminOnly
    @AuditAction("TOKEN_CREATE")
    public NewApiToken createFor(String username, String name, int expiresDays, boolean readOnly) {
        var owner = users.findByUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> InvalidInputException.of("username", "No account named " + username));
        return issue(owner, name, expiresDays, readOnly);
    }

    /** Revokes a token of the signed-in account, or, for an admin, of anyone. Revoking twice is refused. */
    @Transactional
    @AuditAction("TOKEN_REVOKE")
    public ApiTokenInfo revoke(long tokenId) {
        var me = CurrentUser.require();
        var token = tokens.findById(tokenId).orElseThrow(() -> InvalidInputException.of("", "No such token"));
        if (token.getUserId() != me.id() && me.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only its owner or an admin may revoke a token");
        }
        if (token.getRevokedAt() != null) {
            throw InvalidInputException.of("", "Token " + token.getName() + " is already revoked");
        }
        token.revoke(clock.instant(), me.getUsername());
        return tokens.saveAndFlush(token).info(ownerName(token.getUserId()));
    }

    /** The signed-in account's tokens, newest first, revoked and expired ones included. */
    @Transactional(readOnly = true)
    public List<ApiTokenInfo> mine() {
        return ofUserUnchecked(CurrentUser.require().id());
    }

    @Transactional(readOnly = true)
    @AdminOnly
    public List<ApiTokenInfo> ofUser(long userId) {
        return ofUserUnchecked(userId);
    }

    private List<ApiTokenInfo> ofUserUnchecked(long userId) {
        var owner = ownerName(userId);
        return tokens.findByUserIdOrderByCreatedAtDesc(userId).stream()
                .map(t -> t.info(owner))
                .toList();
    }

    private NewApiToken issue(User owner, String name, int expiresDays, boolean readOnly) {
        var trimmed = name == null ? "" : name.trim();
        var errors = new LinkedHashMap<String, String>();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            errors.put("name", "Name the token (1 to 80 characters), e.g. after the pipeline that uses it");
        }
        if (expiresDays < 1 || expiresDays > MAX_DAYS) {
            errors.put("expiresDays", "A token expires after 1 to " + MAX_DAYS + " days");
        }
        if (!owner.isActive()) {
            errors.put("username", owner.getUsername() + " is deactivated");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var text = TokenText.generate();
        var token = new ApiToken(
                owner.getId(),
                trimmed,
                TokenText.hash(text),
                TokenText.hint(text),
                readOnly,
                clock.instant().plus(Duration.ofDays(expiresDays)));
        return new NewApiToken(tokens.saveAndFlush(token).info(owner.getUsername()), text);
    }

    private String ownerName(long userId) {
        return users.findById(userId).map(User::getUsername).orElse("#" + userId);
    }
}
