package com.infraconsole.user;

import com.infraconsole.base.ConstraintFields;
import com.infraconsole.base.EntityValidator;
import com.infraconsole.base.FreshRead;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.security.AdminOnly;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.Role;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: creation by admins, and each user's own password. */
@Service
@PreAuthorize("isAuthenticated()")
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final EntityValidator validator;
    private final Clock clock;
    private final FreshRead freshRead;

    UserService(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            EntityValidator validator,
            Clock clock,
            FreshRead freshRead) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.validator = validator;
        this.clock = clock;
        this.freshRead = freshRead;
    }

    /** Creates an account; with {@code mustChangePassword} the user picks a new password at first login. */
    @Transactional
    @AdminOnly
    public User create(String username, String email, Role role, String password, boolean mustChange) {
        return create(username, email, role, password, mustChange, false);
    }

    /** Also for service accounts; callers are admin methods already inside their transaction. */
    User create(String username, String email, Role role, String password, boolean mustChange, boolean serviceAccount) {
        var user = new User(trim(username), trim(email), role);
        if (serviceAccount) {
            user.markServiceAccount();
        }
        validator.validate(user);
        var errors = new LinkedHashMap<String, String>();
        if (users.existsByUsernameIgnoreCase(user.getUsername())) {
            errors.put("username", "Username " + user.getUsername() + " is already taken");
        }
        if (users.existsByEmailIgnoreCase(user.getEmail())) {
            errors.put("email", "Another account already uses " + user.getEmail());
        }
        PasswordPolicy.problemWith(password, user.getUsername()).ifPresent(p -> errors.put("password", p));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        user.setPasswordHash(passwordEncoder.encode(password), clock.instant());
        user.setMustChangePassword(mustChange);
        try {
            return users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            // Two admins creating the same account at once: the unique keys decide.
            throw ConstraintFields.of(e)
                    .on("uq_users_username", "username", "Username " + user.getUsername() + " is already taken")
                    .on("uq_users_email", "email", "Another account already uses " + user.getEmail())
                    .orOriginal();
        }
    }

    /** The signed-in user replaces their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        var user = users.findById(CurrentUser.require().id()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw InvalidInputException.of("currentPassword", "The current password is not correct");
        }
        PasswordPolicy.problemWith(newPassword, user.getUsername()).ifPresent(p -> {
            throw InvalidInputException.of("newPassword", p);
        });
        if (passwordEncoder.matches(newPassword, user.getPasswordHash())) {
            throw InvalidInputException.of("newPassword", "Choose a password different from the current one");
        }
        user.setPasswordHash(passwordEncoder.encode(newPassword), clock.instant());
        user.setMustChangePassword(false);
        try {
            users.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            // Saved meanwhile (an admin reset the password, a sign-in was recorded); this transaction
            // still sees the row as it read it, a new one sees who saved it.
            throw freshRead.call(() -> users.findById(user.getId())
                    .map(u -> new StaleDataException("Your account", u.getUpdatedBy(), u.getUpdatedAt()))
                    .orElseThrow());
        }
    }

    @Transactional(readOnly = true)
    public Optional<User> get(long id) {
        return users.findById(id);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("permitAll()")
    public boolean mustChangePassword() {
        return CurrentUser.get()
                .flatMap(p -> users.findById(p.id()))
                .map(User::isMustChangePassword)
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<User> findByUsername(String username) {
        return users.findByUsername(username);
    }

    /** The signed-in user's own account, for the profile page. */
    @Transactional(readOnly = true)
    public User current() {
        return users.findById(CurrentUser.require().id()).orElseThrow();
    }

    /** Usernames by id in one query, for lists that show who created or did something. */
    @Transactional(readOnly = true)
    public Map<Long, String> usernames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<Long, String>();
        users.findUsernames(ids).forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    /** Active accounts whose username or email contains the text, a page at a time, for pickers. */
    @Transactional(readOnly = true)
    public List<User> listActive(String text, Pageable pageable) {
        return users.findAll(new UserFilter(text, null, true).toSpecification(), pageable)
                .getContent();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("permitAll()")
    public long count() {
        return users.count();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
