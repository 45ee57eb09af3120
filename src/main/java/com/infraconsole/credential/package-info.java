/**
 * Credentials for the fleet: SSH keys and passwords, become and vault passwords, encrypted at rest
 * under a master key that the database never sees. Owns {@code credentials}. ADMIN manages them,
 * OPERATOR picks them for a launch, nobody reads a secret back: only the job runner (as the
 * system) unlocks one, to hand it to a sandboxed run.
 */
@ApplicationModule(allowedDependencies = {})
package com.infraconsole.credential;

import org.springframework.modulith.ApplicationModule;
