package com.infraconsole.base.database;

/** The configured database could not be reached or refused our credentials. */
public class DatabaseUnreachableException extends RuntimeException {

    private final String maskedUrl;
    private final String user;
    private final String reason;

    public DatabaseUnreachableException(String url, String user, String reason, Throwable cause) {
        super("Cannot connect to database " + DatabaseSettings.mask(url) + " as " + user + ": " + reason, cause);
        this.maskedUrl = DatabaseSettings.mask(url);
        this.user = user;
        this.reason = reason;
    }

    public String maskedUrl() {
        return maskedUrl;
    }

    public String user() {
        return user;
    }

    public String reason() {
        return reason;
    }
}
