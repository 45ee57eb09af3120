package com.infraconsole.user;

import com.infraconsole.security.AppUserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Called by the login check after a successful login whose stored hash the encoder wants
 * upgraded (an old platform's werkzeug hash, see db-adopt): stores the bcrypt hash Spring made of
 * the password just checked. The change is an UPDATE of the user in the audit trail (hash masked);
 * the password's age (password_changed_at) stays, since the password itself did not change.
 */
@Component
class PasswordRehash implements UserDetailsPasswordService {

    private static final Logger log = LoggerFactory.getLogger(PasswordRehash.class);

    private final UserRepository users;

    PasswordRehash(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails account, String newPassword) {
        var user = users.findByUsername(account.getUsername()).orElse(null);
        if (user == null) {
            return account;
        }
        user.rehashPassword(newPassword);
        log.info("Password of {} rehashed to bcrypt at login (it had the old platform's hash)", user.getUsername());
        var principal = (AppUserPrincipal) account;
        return new AppUserPrincipal(
                principal.id(),
                principal.getUsername(),
                newPassword,
                principal.role(),
                principal.isEnabled(),
                principal.isAccountNonLocked(),
                principal.sessionGeneration());
    }
}
