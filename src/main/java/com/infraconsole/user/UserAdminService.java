package com.infraconsole.user;

import com.infraconsole.base.FreshRead;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.audit.AuditAction;
import com.infraconsole.security.AdminOnly;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.LiveSessions;
import com.infraconsole.security.Role;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to other people's accounts. Each change takes the version the admin saw and is
 * refused when someone saved the account since. Nobody may demote or deactivate themselves, and
 * the last active admin stays: the active admin rows are locked before they are counted, so two
 * admins acting at once cannot both succeed. A role change, a deactivation or a password reset
 * ends the person's open sessions when it commits: the role a session holds was read at login.
 */
@Service
@AdminOnly
public class UserAdminService {

    private final UserRepository users;
    private final UserService userService;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final FreshRead freshRead;
    private final LiveSessions liveSessions;

    UserAdminService(
            UserRepository users,
            UserService userService,
            PasswordEncoder passwordEncoder,
            Clock clock,
            FreshRead freshRead,
            LiveSessions liveSessions) {
        this.liveSessions = liveSessions;
        this.users = users;
        this.userService = userService;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.freshRead = freshRead;
    }

    @Transactional(readOnly = true)
    public List<User> list(UserFilter filter, Pageable pageable) {
        return users.findAll(filter.toSpecification(), pageable).getContent();
    }

    @Transactional(readOnly = true)
    public long count(UserFilter filter) {
        return users.count(filter.toSpecification());
    }

    @Transactional(readOnly = true)
    public Optional<User> get(long id) {
        return users.findById(id);
    }

    /** Creates an account with a generated password shown once; the user must change it at first login. */
    @Transactional
    public OneTimePassword createWithGeneratedPassword(String username, String email, Role role) {
        var password = generatePassword(username);
        return new OneTimePassword(userService.create(username, email, role, password, true), password);
    }

    /**
     * An account for a pipeline or a monitoring system: no password login (its random password is
     * never shown), only API tokens, which the admin then creates for it.
     */
    @Transactional
    public User createServiceAccount(String username, String email, Role role) {
        var address = email == null || email.isBlank() ? trimmed(username) + "@service-account.invalid" : email;
        return userService.create(username, address, role, generatePassword(trimmed(username)), false, true);
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.trim();
    }

    @Transactional
    @AuditAction("ROLE_CHANGE")
    public User changeRole(User seen, Role role) {
        if (role == null) {
            throw InvalidInputException.of("role", "Choose a role");
        }
        refuseSelf(seen, "change your own role");
        var activeAdmins = users.lockActiveByRole(Role.ADMIN);
        var user = load(seen);
        if (user.getRole() == Role.ADMIN && role != Role.ADMIN) {
            refuseLastAdmin(user, activeAdmins, "lose the admin role");
        }
        user.setRole(role);
        liveSessions.endAfterCommit(user.getId(), user.getUsername(), "a role change");
        return save(user);
    }

    @Transactional
    @AuditAction("USER_DEACTIVATE")
    public User deactivate(User seen) {
        refuseSelf(seen, "deactivate your own account");
        var activeAdmins = users.lockActiveByRole(Role.ADMIN);
        var user = load(seen);
        if (user.getRole() == Role.ADMIN) {
            refuseLastAdmin(user, activeAdmins, "be deactivated");
        }
        user.setActive(false);
        liveSessions.endAfterCommit(user.getId(), user.getUsername(), "deactivation");
        return save(user);
    }

    @Transactional
    @AuditAction("USER_REACTIVATE")
    public User reactivate(User seen) {
        var user = load(seen);
        user.setActive(true);
        return save(user);
    }

    /** Lifts a lockout after too many failed logins. */
    @Transactional
    @AuditAction("USER_UNLOCK")
    public User unlock(User seen) {
        var user = load(seen);
        user.setLockedUntil(null);
        user.setFailedLoginAttempts(0);
        return save(user);
    }

    /** Replaces the password with a generated one, shown once to the admin; the user must change it at next login. */
    @Transactional
    @AuditAction("PASSWORD_RESET")
    public OneTimePassword resetPassword(User seen) {
        var user = load(seen);
        var password = generatePassword(user.getUsername());
        user.setPasswordHash(passwordEncoder.encode(password), clock.instant());
        user.setMustChangePassword(true);
        liveSessions.endAfterCommit(user.getId(), user.getUsername(), "a password reset");
        return new OneTimePassword(save(user), password);
    }

    private static void refuseSelf(User seen, String what) {
        if (seen.getId() != null && seen.getId() == CurrentUser.require().id()) {
            throw InvalidInputException.of("", "You cannot " + what + "; ask another admin.");
        }
    }

    /**
     * {@code activeAdmins} was read with SELECT ... FOR UPDATE before the account itself: a second
     * admin doing the same waits for our commit and then counts one admin fewer.
     */
    private static void refuseLastAdmin(User user, List<User> activeAdmins, String what) {
        if (user.isActive() && activeAdmins.size() <= 1) {
            throw InvalidInputException.of(
                    "",
                    user.getUsername() + " is the last active admin and cannot " + what
                            + "; make another user admin first.");
        }
    }

    /**
     * Writes the account; someone may still have saved it between {@link #load} and this write
     * (the user signing in, a lockout, another admin), and then the version check refuses it.
     */
    private User save(User user) {
        try {
            return users.saveAndFlush(user);
        } catch (ObjectOptimisticLockingFailureException e) {
            // This transaction still sees the row as it read it; a new one sees who saved it since.
            throw freshRead.call(() -> users.findById(user.getId())
                    .map(u -> new StaleDataException("User " + u.getUsername(), u.getUpdatedBy(), u.getUpdatedAt()))
                    .orElseGet(() -> new StaleDataException("User " + user.getUsername(), null, null)));
        }
    }

    /** The current account, refused as stale when it was saved after the admin looked at it. */
    private User load(User seen) {
        var user = users.findById(seen.getId())
                .orElseThrow(() -> new StaleDataException("User " + seen.getUsername(), null, null));
        if (user.getVersion() != seen.getVersion()) {
            throw new StaleDataException("User " + seen.getUsername(), user.getUpdatedBy(), user.getUpdatedAt());
        }
        return user;
    }

    private static String generatePassword(String username) {
        String password;
        do {
            password = InitialAdmin.randomPassword(20);
        } while (PasswordPolicy.problemWith(password, username).isPresent());
        return password;
    }
}
