package com.infraconsole.base;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Tells a failure of the database itself (down, frozen, out of reach, too slow to answer) from a
 * refusal of what was asked. Such a failure rolls the transaction back, so the person is told
 * that nothing was saved and may simply try again.
 */
public final class DatabaseUnavailable {

    public static final String MESSAGE =
            "The database is not answering, so nothing was saved. " + "Your input is kept: try again in a moment.";

    /** For a login refused because of it: no account's state shows in it, it is the same for all. */
    public static final String LOGIN_MESSAGE = "The console cannot reach its database. Please try again in a moment.";

    private DatabaseUnavailable() {}

    /**
     * When the connection broke during the commit itself, the database may have committed before
     * the answer got lost: the person must check rather than be told that nothing was saved.
     */
    public static final String OUTCOME_UNKNOWN_MESSAGE = "The connection to the database broke while saving, so it"
            + " is not known whether this was saved. Your input is kept: reload to check before trying again.";

    /** What to tell the person about a failure for which {@link #isCause} holds. */
    public static String messageFor(Throwable failure) {
        return commitOutcomeUnknown(failure) ? OUTCOME_UNKNOWN_MESSAGE : MESSAGE;
    }

    /**
     * The commit was sent and its answer never came. Recognised by Hibernate's wording, unchanged
     * since 5.x, which Spring keeps in the message when it translates the exception.
     */
    public static boolean commitOutcomeUnknown(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Unable to commit against JDBC Connection")) {
                return isCause(failure);
            }
        }
        return false;
    }

    public static boolean isCause(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A commit or rollback the connection could not carry out (it broke or was closed under it).
            if (t instanceof org.hibernate.TransactionException && t.getCause() instanceof SQLException) {
                return true;
            }
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof QueryTimeoutException
                    || t instanceof TransactionTimedOutException
                    || t instanceof JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLTimeoutException
                    || t instanceof SocketTimeoutException
                    || t instanceof ConnectException
                    || t instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
