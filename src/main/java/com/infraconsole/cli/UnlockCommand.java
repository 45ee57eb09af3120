package com.infraconsole.cli;

import com.infraconsole.user.UserAdminService;
import com.infraconsole.user.UserService;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code unlock --username U}: lifts a lockout after failed logins, for when no other admin can
 * sign in to do it on the Users screen. Audited as USER_UNLOCK by "system", as the screen's unlock is.
 */
@Component
class UnlockCommand implements CliCommand {

    private final UserService users;
    private final UserAdminService admin;
    private final Clock clock;

    UnlockCommand(UserService users, UserAdminService admin, Clock clock) {
        this.users = users;
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "unlock";
    }

    @Override
    public String summary() {
        return "--username U: lift the lockout of an account after failed logins";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        var username = CliCommand.option(args, "username");
        if (username == null || username.isBlank()) {
            out.println("Usage: unlock --username U");
            return 2;
        }
        var user = users.findByUsername(username.trim());
        if (user.isEmpty()) {
            out.println("unlock: no account named " + username.trim());
            return 1;
        }
        var wasLocked = user.get().isLockedAt(clock.instant());
        admin.unlock(user.get());
        out.println(
                wasLocked
                        ? "Unlocked " + user.get().getUsername() + "."
                        : user.get().getUsername() + " was not locked; its failed-login count is reset.");
        return 0;
    }
}
