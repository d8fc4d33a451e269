package org.mitan.numbering;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ReservedNumbers(DataSourceProperties database) {
        this.pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("mitan-reserved-numbers");
        pool.setMaximumPoolSize(CONNECTIONS);
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(10_000);
        this.jdbc = new JdbcTemplate(pool);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    /** The holder's number in the scope, reserved and committed now if it has none yet. */
    public long reserve(String scope, String holder) {
        Long number = transaction.execute(status -> {
            List<Long> earlier = jdbc.queryForList(
                    "select number from number_reservation where scope = ? and holder = ?", Long.class, scope, holder);
            if (!earlier.isEmpty()) {
                return earlier.get(0);
            }
            long next = NumberSequence.allocate(jdbc, scope);
            jdbc.update("insert into number_reservation (scope, holder, number) values (?, ?, ?)", scope, holder,
                    next);
            return next;
        });
        if (number == null) {
            throw new IllegalStateException("No number reserved in " + scope + " for " + holder);
        }
        return number;
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
