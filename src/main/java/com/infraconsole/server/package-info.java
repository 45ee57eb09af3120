/**
 * Servers and environments: inventory, import and export. Owns {@code servers} and
 * {@code environments}.
 */
@ApplicationModule(allowedDependencies = {"credential", "user"})
package com.infraconsole.server;

import org.springframework.modulith.ApplicationModule;
