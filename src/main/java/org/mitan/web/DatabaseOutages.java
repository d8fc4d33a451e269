package org.mitan.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a failure of the database being out of reach from a fault in what was asked. */
public final class DatabaseOutages {

    /** The seconds a caller is asked to wait ({@code Retry-After}) when the database is out of reach. */
    public static final String RETRY_AFTER_SECONDS = "30";
    public static final String TITLE = "Database unavailable";
    public static final String DETAIL = "The database cannot be reached just now, so nothing was saved; try again in a"
            + " minute.";

    private DatabaseOutages() {
    }

    /**
     * Whether the failure is the database being out of reach (restarting, down, no connection within the pool's
     * wait): a connection refused or broken (SQL state class 08), the server shutting down (57P01 to 57P03), no
     * connection from the pool in time, no transaction to be had.
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
