/**
 * The REST API under /api/v1: bearer-token authentication (tokens belong to the user module), a
 * stateless security chain of its own, and thin controllers over the features' public services,
 * so that the services' role rules, validation, optimistic locking and audit rows apply as they
 * do on the screens. Owns no table.
 */
@ApplicationModule(allowedDependencies = {"user", "server", "playbook", "job", "ticket", "audit"})
package com.infraconsole.api;

import org.springframework.modulith.ApplicationModule;
