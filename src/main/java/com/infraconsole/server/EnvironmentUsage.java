package com.infraconsole.server;

/** An environment with the number of servers in it, read in one query for the environments list. */
public record EnvironmentUsage(Environment environment, long serverCount) {}
