/**
 * Accounts, passwords, login throttling and the admin screens for them. Owns {@code users}.
 */
@ApplicationModule(allowedDependencies = {})
package com.infraconsole.user;

import org.springframework.modulith.ApplicationModule;
