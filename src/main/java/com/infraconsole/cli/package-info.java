/**
 * The commands of {@code java -jar infra-console.jar <command>}. Owns no table. seed-data writes
 * sample rows into the playbook, job and ticket tables in SQL, as fixtures with past dates that no
 * service would write (see docs/decisions/070-module-boundaries-and-read-models.md).
 */
@ApplicationModule(allowedDependencies = {"audit", "credential", "dbadmin", "server", "user"})
package com.infraconsole.cli;

import org.springframework.modulith.ApplicationModule;
