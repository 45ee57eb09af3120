/**
 * Playbooks and their saved versions. Owns {@code playbooks} and {@code playbook_versions}. Other
 * modules read playbooks through PlaybookSource, never its tables.
 */
@ApplicationModule(allowedDependencies = {})
package com.infraconsole.playbook;

import org.springframework.modulith.ApplicationModule;
