package com.infraconsole.user;

import com.infraconsole.security.AppUserPrincipal;
import com.infraconsole.security.SessionRevocations;
import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for Spring Security; inactive and locked accounts load as such and are refused. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final SessionRevocations revocations;
    private final Clock clock;

    AccountDetailsService(UserRepository users, SessionRevocations revocations, Clock clock) {
        this.users = users;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // A service account has no password login: it fails as an unknown name does, at the same cost.
        var user = users.findByUsername(username)
                .filter(u -> !u.isServiceAccount())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new AppUserPrincipal(
                user.getId(),
                user.getUsername(),
                user.getPasswordHash(),
                user.getRole(),
                user.isActive(),
                !user.isLockedAt(clock.instant()),
                revocations.generation(user.getId()));
    }
}
