/**
 * The append-only, keyed audit trail: writing (by itself, from entity changes and AuditEvent),
 * review, export, verification, retention. Owns {@code audit_logs}, {@code audit_chain_head} and
 * {@code audit_chain_anchors}. Listens to the user module's AccountLockedEvent.
 */
@ApplicationModule(allowedDependencies = {"user"})
package com.infraconsole.audit;

import org.springframework.modulith.ApplicationModule;
