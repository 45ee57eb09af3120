package com.infraconsole.base.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a field: bookkeeping the audit log leaves out (last login time, failed-login counter);
 * a change to such fields alone writes no row. On an entity: rows that are records in
 * themselves (job log lines) and are not audited one by one.
 */
@Documented
@Target({ElementType.FIELD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditIgnored {}
