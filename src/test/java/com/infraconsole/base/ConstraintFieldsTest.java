package com.infraconsole.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class ConstraintFieldsTest {

    static DataIntegrityViolationException refused(String driverMessage) {
        return new DataIntegrityViolationException(
                "could not execute statement", new SQLIntegrityConstraintViolationException(driverMessage));
    }

    static final DataIntegrityViolationException DUPLICATE =
            refused("(conn=12) Duplicate entry 'web-01' for key 'uq_servers_hostname'");
    static final DataIntegrityViolationException FK = refused(
            "(conn=12) Cannot add or update a child row: a foreign key "
                    + "constraint fails (`infra`.`servers`, CONSTRAINT `fk_servers_environment` FOREIGN KEY (`environment_id`))");

    @Test
    void the_named_constraint_becomes_its_field_error() {
        var error = ConstraintFields.of(FK)
                .on("uq_servers_hostname", "hostname", "taken")
                .on("fk_servers_environment", "environment", "gone")
                .orOriginal();
        assertThat(error)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsExactly(java.util.Map.entry("environment", "gone")));
    }

    @Test
    void the_first_match_wins_and_later_suppliers_are_not_called() {
        var error = ConstraintFields.of(DUPLICATE)
                .on("uq_servers_hostname", () -> new IllegalStateException("first"))
                .on("uq_servers", () -> {
                    throw new AssertionError("must not be built");
                })
                .orOriginal();
        assertThat(error).hasMessage("first");
    }

    @Test
    void an_unnamed_refusal_stays_the_database_error_or_becomes_the_fallback() {
        var other = refused("Data too long for column 'notes'");
        assertThat(ConstraintFields.of(other)
                        .on("uq_servers_hostname", "hostname", "taken")
                        .orOriginal())
                .isSameAs(other);
        assertThat(ConstraintFields.of(other)
                        .on("uq_servers_hostname", "hostname", "taken")
                        .orElse(() -> InvalidInputException.of("", "refused")))
                .hasMessage("refused");
    }
}
