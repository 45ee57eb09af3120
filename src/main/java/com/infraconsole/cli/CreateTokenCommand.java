package com.infraconsole.cli;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.user.ApiTokenService;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code create-token --username U --name N [--expires-days D] [--read-only]}: an API token for
 * automation to start with (awx-manage's create_oauth2_token). The token is the last line of the
 * output, alone, so that a script can take it with {@code tail -n 1}. Audited as TOKEN_CREATE by
 * "system".
 */
@Component
class CreateTokenCommand implements CliCommand {

    private static final String USAGE = "Usage: create-token --username U --name N [--expires-days D] [--read-only]";

    private final ApiTokenService tokens;

    CreateTokenCommand(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "create-token";
    }

    @Override
    public String summary() {
        return "--username U --name N [--expires-days D] [--read-only]: an API token, printed alone on the last line";
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out) {
        var username = CliCommand.option(args, "username");
        var name = CliCommand.option(args, "name");
        var daysText = CliCommand.option(args, "expires-days");
        if (username == null || name == null) {
            out.println(USAGE);
            return 2;
        }
        int days;
        try {
            days = daysText == null ? ApiTokenService.DEFAULT_DAYS : Integer.parseInt(daysText.trim());
        } catch (NumberFormatException e) {
            out.println("create-token: --expires-days takes a whole number of days");
            return 2;
        }
        try {
            var created = tokens.createFor(username, name, days, args.contains("--read-only"));
            var info = created.info();
            out.println("Token " + info.name() + " for " + info.owner() + (info.readOnly() ? " (read-only)" : "")
                    + ", expires " + info.expiresAt() + ". It is shown once:");
            out.println(created.token());
            return 0;
        } catch (InvalidInputException e) {
            out.println("create-token: " + e.getMessage());
            return 1;
        }
    }
}
