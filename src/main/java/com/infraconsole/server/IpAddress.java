package com.infraconsole.server;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** A literal IPv4 or IPv6 address; never resolved through DNS. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IpAddress.Validator.class)
public @interface IpAddress {

    String message() default "Enter an IPv4 address like 10.0.0.12 or an IPv6 address like 2001:db8::12";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IpAddress, String> {

        private static final Pattern IPV4 =
                Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
        private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || isValid(value);
        }

        public static boolean isValid(String value) {
            if (IPV4.matcher(value).matches()) {
                return true;
            }
            if (!value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
                return false;
            }
            try {
                // With a colon and only hex digits, getByName parses a literal and never asks DNS.
                return InetAddress.getByName(value).getAddress().length == 16 || value.startsWith("::ffff:");
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
