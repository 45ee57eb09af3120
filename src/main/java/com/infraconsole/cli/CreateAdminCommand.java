package com.infraconsole.cli;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import com.infraconsole.user.UserService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/** {@code create-admin --username U [--email E] --password-stdin}: creates an administrator account. */
@Component
class CreateAdminCommand implements CliCommand {

    private final Flyway flyway;
    private final UserService users;

    CreateAdminCommand(Flyway flyway, UserService users) {
        this.flyway = flyway;
        this.users = users;
    }

    @Override
    public String name() {
        return "create-admin";
    }

    @Override
    public String summary() {
        return "--username U [--email E] --password-stdin: create an administrator";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        var username = CliCommand.option(args, "username");
        if (username == null || !args.contains("--password-stdin")) {
            out.println(
                    "Usage: create-admin --username U [--email E] --password-stdin  (the password is read from standard input)");
            return 2;
        }
        String password;
        try {
            password = in.readLine();
        } catch (IOException e) {
            password = null;
        }
        if (password == null || password.isEmpty()) {
            out.println("create-admin: no password on standard input");
            return 2;
        }
        var email = CliCommand.option(args, "email");
        flyway.migrate();
        try {
            var user = users.create(
                    username, email == null ? username + "@localhost.localdomain" : email, Role.ADMIN, password, false);
            out.printf("Created administrator %s (id %d).%n", user.getUsername(), user.getId());
            return 0;
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> out.println("create-admin: " + field + ": " + message));
            return 1;
        }
    }
}
