package com.infraconsole.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input a service refused, with one message per field (key "" for the form as a whole).
 * Forms show each message at its field; nothing has been written when this is thrown.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.values()));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
