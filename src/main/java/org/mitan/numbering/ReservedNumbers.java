package org.mitan.numbering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Gap-free numbers reserved for their holder, for certificate serials: {@link #reserve} gives the holder's number of
 * the scope, drawing the scope's next one the first time, and commits at once in a transaction of its own. So the
 * scope's counter row is locked only for that moment. Drawn with {@link NumberSequence#next} inside the issuing job,
 * it stayed locked while the certificate was drawn, signed and stored and the job's transaction went on, so that
 * certificates of one body, type and year were issued one at a time (30 % of the database's statement time in the
 * benchmark, issue 11). A retry of the holder takes its number again, so a failed issuing leaves no gap; a holder
 * that never gets its certificate keeps its reserved number unused.
 * <p>
 * The reservation runs on a pool of two connections of its own, never on the application's pool: the issuing job
 * already holds a connection of that pool, and jobs waiting for a second one while holding the first could take
 * every connection there is.
 */
@Component
public class ReservedNumbers implements DisposableBean {

    private static final int CONNECTIONS = 2;

    private final HikariDataSource pool;

    ReservedNumbers(DataSourceProperties database) {
        this.pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("mitan-reserved-numbers");
        pool.setMaximumPoolSize(CONNECTIONS);
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(10_000);
    }

    /** The holder's number in the scope, reserved and committed now if it has none yet. */
    public long reserve(String scope, String holder) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long number = reserved(connection, scope, holder);
                connection.commit();
                return number;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("No number could be reserved in " + scope + " for "
                    + holder + ": " + e.getMessage(), e);
        }
    }

    private static long reserved(Connection connection, String scope, String holder) throws SQLException {
        try (PreparedStatement earlier = connection.prepareStatement(
                "select number from number_reservation where scope = ? and holder = ?")) {
            earlier.setString(1, scope);
            earlier.setString(2, holder);
            try (ResultSet row = earlier.executeQuery()) {
                if (row.next()) {
                    return row.getLong(1);
                }
            }
        }
        long number;
        try (PreparedStatement next = connection.prepareStatement("""
                insert into number_sequence (scope, last_value) values (?, 1)
                on conflict (scope) do update set last_value = number_sequence.last_value + 1
                returning last_value""")) {
            next.setString(1, scope);
            try (ResultSet row = next.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("The counter of " + scope + " gave no number");
                }
                number = row.getLong(1);
            }
        }
        try (PreparedStatement reserve = connection.prepareStatement(
                "insert into number_reservation (scope, holder, number) values (?, ?, ?)")) {
            reserve.setString(1, scope);
            reserve.setString(2, holder);
            reserve.setLong(3, number);
            reserve.executeUpdate();
        }
        return number;
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
