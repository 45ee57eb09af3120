/**
 * Roles, the current user, the web security set-up and the login view. Owns no table; depends on
 * no other module.
 */
@ApplicationModule(allowedDependencies = {})
package com.infraconsole.security;

import org.springframework.modulith.ApplicationModule;
