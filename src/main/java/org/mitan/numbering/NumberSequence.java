package org.mitan.numbering;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counters per scope (for example {@code request:RPR:2026}; certificate serials are counted here too, through
 * {@link ReservedNumbers}). {@link #next} is gap-free: the number is allocated in the caller's transaction and a
 * rolled-back caller gives it back, but the scope's row stays locked until the caller commits, so callers of one
 * scope go one at a time. {@link #nextCommitted} commits the number at once in a transaction of its own and holds
 * the row only for that moment: callers of one scope run side by side, and a caller that fails afterwards leaves a
 * gap (right for request numbers, which only tell requests apart).
 */
@Component
public class NumberSequence {

    private final JdbcTemplate jdbc;

    NumberSequence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String scope) {
        return allocate(jdbc, scope);
    }

    /**
     * A number committed at once. Call it outside a transaction: inside one it would take a second connection from
     * the pool while holding the first.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long nextCommitted(String scope) {
        return allocate(jdbc, scope);
    }

    /** The scope's next number, on the connection of the template's current transaction. */
    static long allocate(JdbcTemplate jdbc, String scope) {
        Long value = jdbc.queryForObject("""
                insert into number_sequence (scope, last_value) values (?, 1)
                on conflict (scope) do update set last_value = number_sequence.last_value + 1
                returning last_value""", Long.class, scope);
        if (value == null) {
            throw new IllegalStateException("No number allocated for " + scope);
        }
        return value;
    }
}
