/**
 * The Database screen and the schema's safety: Flyway status, backups, migration preview and lint.
 * Owns no table; reads Flyway's history and information_schema. Shows the job module's SandboxBanner;
 * a rollback has the audit module verify the restored chain.
 */
@ApplicationModule(allowedDependencies = {"audit", "job", "job::sandbox-banner"})
package com.infraconsole.dbadmin;

import org.springframework.modulith.ApplicationModule;
