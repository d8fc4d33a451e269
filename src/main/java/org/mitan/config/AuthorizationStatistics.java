package org.mitan.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives PostgreSQL's planner statistics on the permission bits of the engine's grants ({@code act_ru_authorization}).
 * Every task offered to a group carries a grant of its own, and a task list asks for the grants whose
 * {@code perms_ & 2} (read a task) or {@code perms_ & 64} (read the tasks of a process) is set. Without statistics
 * on those expressions the planner guesses that one grant in two hundred matches, so with thousands of open tasks it
 * compares every task with every grant: the clerk's first page took 19 s with 10,000 open tasks. With them a plan
 * made for the query's values looks each task's grants up by index: 0.4 s (issue 11). A generic plan of the prepared
 * statement ({@code perms_ & $4 = $4}) cannot use them, which is why {@link GrantJoinPlans} has such queries
 * planned for their values: with generic plans the page took 30 to 60 s from the sixth call on a connection.
 * <p>
 * The engine makes its tables as it starts, after the application's migrations have run, so the statistics are made
 * here, once the application is ready, if they are missing; on PostgreSQL only.
 */
@Component
class AuthorizationStatistics {

    static final String NAME = "mitan_auth_permission_bits";

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStatistics.class);

    private final JdbcTemplate jdbc;

    AuthorizationStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void apply() {
        try {
            if (!Databases.isPostgres(jdbc) || exists()) {
                return;
            }
            jdbc.execute("create statistics if not exists " + NAME
                    + " on (perms_ & 2), (perms_ & 64), resource_type_ from act_ru_authorization");
            jdbc.execute("analyze act_ru_authorization");
            LOG.info("Made the planner statistics {} on the engine's grants", NAME);
        } catch (DataAccessException e) {
            // Another node made them at the same moment, or the database refused: task lists stay correct, only slower.
            LOG.warn("Could not make the planner statistics {} on the engine's grants: {}", NAME, e.getMessage());
        }
    }

    boolean exists() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from pg_statistic_ext where stxname = ?)", Boolean.class, NAME));
    }
}
