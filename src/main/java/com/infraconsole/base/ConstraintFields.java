package com.infraconsole.base;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Turns a write the database refused into the form error it means. Services check first and
 * write after, but two people can act between the two; then the unique key or foreign key decides,
 * and its name (in the driver's message) says which field lost. The first matching constraint
 * wins:
 *
 * <pre>{@code
 * throw ConstraintFields.of(e)
 *         .on("uq_servers_hostname", () -> duplicateHostname(server))
 *         .on("fk_servers_environment", "environment", "This environment was just deleted")
 *         .orOriginal();
 * }</pre>
 */
public final class ConstraintFields {

    private final DataIntegrityViolationException refused;
    private final String message;
    private @Nullable RuntimeException mapped;

    private ConstraintFields(DataIntegrityViolationException refused) {
        this.refused = refused;
        this.message = String.valueOf(refused.getMostSpecificCause().getMessage());
    }

    public static ConstraintFields of(DataIntegrityViolationException refused) {
        return new ConstraintFields(refused);
    }

    public ConstraintFields on(String constraint, Supplier<? extends RuntimeException> error) {
        if (mapped == null && message.contains(constraint)) {
            mapped = error.get();
        }
        return this;
    }

    public ConstraintFields on(String constraint, String field, String fieldMessage) {
        return on(constraint, () -> InvalidInputException.of(field, fieldMessage));
    }

    /** The mapped error, or the database's own when no named constraint was involved. */
    public RuntimeException orOriginal() {
        return mapped != null ? mapped : refused;
    }

    public RuntimeException orElse(Supplier<? extends RuntimeException> fallback) {
        return mapped != null ? mapped : fallback.get();
    }
}
