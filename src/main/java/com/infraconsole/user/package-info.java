/**
 * Accounts, passwords, login throttling and the admin screens for them. Owns {@code users} and
 * {@code login_devices} (browsers that signed in before, which pass an account lock).
 */
@ApplicationModule(allowedDependencies = {})
package com.infraconsole.user;

import org.springframework.modulith.ApplicationModule;
