package org.mitan.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that the database being out of reach explains (restarting, down, no connection within the pool's
 * wait) from a fault in what was asked. Some failures say so in their causes; others only say what broke next (a
 * rollback on a closed connection), so a failure that does not say is checked against the database itself.
 */
@Component
public class DatabaseOutages {

    /** The seconds a caller is asked to wait ({@code Retry-After}) when the database is out of reach. */
    public static final String RETRY_AFTER_SECONDS = "30";
    public static final String TITLE = "Database unavailable";
    public static final String DETAIL = "The database cannot be reached just now, so nothing was saved; try again in a"
            + " minute. / डेटाबेस अभी नहीं मिल रहा, इसलिए कुछ जमा नहीं हुआ; एक मिनट बाद फिर करें।";
    private static final int PROBE_SECONDS = 2;

    private final DataSource dataSource;

    public DatabaseOutages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the database being out of reach explains the failure: by its causes, or, failing that, by a probe. */
    public boolean explain(Throwable failure) {
        return isCause(failure) || !reachable();
    }

    /** Whether a connection from the pool answers now (waiting at most the pool's connection timeout). */
    boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(PROBE_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the failure says the database is out of reach: a connection refused or broken (SQL state class 08), the
     * server shutting down (57P01 to 57P03), no connection from the pool in time, no transaction to be had.
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
