/**
 * Inbound launch hooks and outbound notifications. Owns {@code launch_hooks},
 * {@code launch_hook_targets}, {@code launch_hook_calls}, {@code notification_rules} and
 * {@code notification_deliveries}. Launches jobs through the job module's JobService as the hook's
 * owner; hears JobFinished, TicketAssigned, AuditChainBroken and AccountLockedEvent and delivers
 * them after commit, from a worker, so that a slow endpoint never holds up what happened.
 */
@ApplicationModule(allowedDependencies = {"job", "playbook", "server", "user", "ticket", "audit"})
package com.infraconsole.notification;

import org.springframework.modulith.ApplicationModule;
