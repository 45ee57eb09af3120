package com.infraconsole.base;

import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;

/** Runs Bean Validation in the service, so that no caller can skip the form's rules. */
@Component
public class EntityValidator {

    private final Validator validator;

    public EntityValidator(Validator validator) {
        this.validator = validator;
    }

    public void validate(Object bean) {
        var violations = validator.validate(bean);
        if (!violations.isEmpty()) {
            var errors = new LinkedHashMap<String, String>();
            violations.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
            throw new InvalidInputException(errors);
        }
    }
}
