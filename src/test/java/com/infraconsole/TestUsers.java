package com.infraconsole;

import com.infraconsole.security.AppUserPrincipal;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.user.User;
import com.infraconsole.user.UserService;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Creates real accounts and signs tests in as them. */
@Component
public class TestUsers {

    public static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final UserService users;

    public TestUsers(UserService users) {
        this.users = users;
    }

    /** A new active account with a unique name, e.g. operator-17. */
    public User create(Role role) {
        var name = role.dbValue() + "-" + System.nanoTime() % 100000 + "-" + SEQ.incrementAndGet();
        return SystemAuthentication.call(() -> users.create(name, name + "@example.test", role, PASSWORD, false));
    }

    /** Creates an account of the role and makes it the current user of this thread. */
    public User signIn(Role role) {
        var user = create(role);
        signIn(user);
        return user;
    }

    public static void signIn(User user) {
        var principal = new AppUserPrincipal(user.getId(), user.getUsername(), null, user.getRole(), true, true);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
