package com.infraconsole.server;

/** A server as the list shows it, with the username of its creator (null when unknown or deleted). */
public record ServerRow(Server server, String createdBy) {}
