package org.mitan.numbering;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free counters per scope (for example {@code request:RPR:2026} or {@code certificate:RPR:birth-certificate:2026}),
 * allocated in the caller's transaction: a rolled-back caller gives its number back.
 */
@Component
public class NumberSequence {

    private final JdbcTemplate jdbc;

    NumberSequence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String scope) {
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
