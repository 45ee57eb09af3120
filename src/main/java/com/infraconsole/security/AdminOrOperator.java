package com.infraconsole.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Admins and operators: the changes of daily operations (servers, playbooks, jobs,
 * tickets).
 *
 * <p>A composed {@code @PreAuthorize}, so that role names are written once (in {@link Role}) and a
 * typo fails the compile instead of locking everyone out. Spring Security finds it as a
 * meta-annotation; docs/decisions/002-method-security-and-views.md says who may do what.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('" + Role.ADMIN_NAME + "', '" + Role.OPERATOR_NAME + "')")
public @interface AdminOrOperator {}
