/**
 * Jobs: launching, the sandboxed runner, logs, schedules. Owns {@code jobs}, {@code job_targets},
 * {@code job_logs}, {@code job_schedules}, {@code job_schedule_targets} and Quartz's tables.
 * Publishes JobFinished. One read model crosses into other modules' tables in SQL: JobQueries
 * joins {@code playbooks}, {@code servers} and {@code users} for the job screens (see
 * docs/decisions/070-module-boundaries-and-read-models.md).
 */
@ApplicationModule(allowedDependencies = {"credential", "playbook", "server"})
package com.infraconsole.job;

import org.springframework.modulith.ApplicationModule;
