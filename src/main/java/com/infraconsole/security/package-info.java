/**
 * Roles, the current user, the web security set-up (trusted proxies, headers), the login view and
 * the login throttle per source address. Owns {@code login_sources} and
 * {@code session_revocations}; depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package com.infraconsole.security;

import org.springframework.modulith.ApplicationModule;
