package com.infraconsole.base.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A secret (password hash, key, token): the audit log records that it changed, never its value. */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditMasked {

    /** How much of the value is hidden. */
    Scope value() default Scope.WHOLE_VALUE;

    enum Scope {
        /** The value shows as ***. */
        WHOLE_VALUE,
        /**
         * The value is YAML or JSON text (extra vars): the audit row keeps the text, with the values
         * under secret-looking keys and vaulted values masked as {@link SecretYaml#mask} does.
         */
        SECRETS_IN_YAML
    }
}
