/**
 * Ops tickets and their comments. Owns {@code tickets} and {@code ticket_comments}. Opens a ticket
 * for a failed job when it hears JobFinished; checks a ticket's job link through JobReferences.
 */
@ApplicationModule(allowedDependencies = {"job", "server", "user"})
package com.infraconsole.ticket;

import org.springframework.modulith.ApplicationModule;
