package com.infraconsole.user;

/** A password the console generated, shown once to the admin; the user must replace it at next login. */
public record OneTimePassword(User user, String password) {

    @Override
    public String toString() {
        return "OneTimePassword[" + user.getUsername() + "]"; // never the password itself in logs
    }
}
