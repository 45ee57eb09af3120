package com.infraconsole.base.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the audit action of the entity changes a service method makes, such as JOB_LAUNCH or
 * PASSWORD_RESET, instead of the default CREATE, UPDATE or DELETE. Features only annotate;
 * the audit feature records.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditAction {

    String value();
}
