/**
 * The ops dashboard. Owns no table: DashboardQueries is a read model on the job, server, ticket
 * and playbook tables, on indexes made for it (docs/decisions/040-dashboard-reads-tables-directly.md).
 * Asks JobService whether the job sandbox works, and shows its SandboxBanner.
 */
@ApplicationModule(allowedDependencies = {"job", "job::sandbox-banner"})
package com.infraconsole.dashboard;

import org.springframework.modulith.ApplicationModule;
