package com.infraconsole.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The failures seen in DatabaseOutageTest, told apart from refusals of what was asked. */
class DatabaseUnavailableTest {

    @Test
    void no_connection_from_the_pool_means_nothing_was_saved() {
        var e = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new JDBCConnectionException(
                        "Unable to acquire JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
        assertThat(DatabaseUnavailable.isCause(e)).isTrue();
        assertThat(DatabaseUnavailable.messageFor(e)).isEqualTo(DatabaseUnavailable.MESSAGE);
    }

    @Test
    void a_rollback_on_a_closed_connection_means_nothing_was_saved() {
        var e = new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        assertThat(DatabaseUnavailable.isCause(e)).isTrue();
        assertThat(DatabaseUnavailable.messageFor(e)).isEqualTo(DatabaseUnavailable.MESSAGE);
    }

    @Test
    void a_commit_whose_answer_never_came_may_have_been_saved() {
        var e = new DataAccessResourceFailureException(
                "Hibernate transaction: Unable to commit against JDBC Connection; (conn=10) Socket timout error",
                new SQLNonTransientConnectionException(
                        "(conn=10) Socket timout error", "08000", new SocketTimeoutException("Read timed out")));
        assertThat(DatabaseUnavailable.isCause(e)).isTrue();
        assertThat(DatabaseUnavailable.commitOutcomeUnknown(e)).isTrue();
        assertThat(DatabaseUnavailable.messageFor(e)).isEqualTo(DatabaseUnavailable.OUTCOME_UNKNOWN_MESSAGE);
    }

    @Test
    void refusals_of_what_was_asked_are_not_outages() {
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException(
                        "Duplicate entry",
                        new SQLException("Duplicate entry 'x' for key 'uq_servers_hostname'", "23000"))))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(InvalidInputException.of("name", "Name is required")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug")))
                .isFalse();
    }
}
