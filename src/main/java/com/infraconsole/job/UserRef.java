package com.infraconsole.job;

/** A user as the jobs list filter shows it. */
public record UserRef(long id, String username) {}
