package com.infraconsole.api;

import org.springframework.http.ResponseEntity;

/** The entity version as an ETag, and the If-Match a PUT or DELETE must send back. */
final class ETags {

    private ETags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(of(version)).body(body);
    }

    /**
     * The version named by If-Match; without one the request is refused with 428, and a value
     * that is not one of our ETags can never match, so it is stale (412).
     */
    static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiExceptionHandler.PreconditionRequired();
        }
        var value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
