package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mitan.MitanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The planner's statistics on the engine's grants, on the application's PostgreSQL: with thousands of tasks offered
 * to one group, the planner expects thousands of matching grants, not a handful (which made it compare every task
 * with every grant, issue 11).
 */
@MitanIntegrationTest
class AuthorizationStatisticsIT {

    private static final int GRANTS = 3_000;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private AuthorizationStatistics statistics;

    @AfterEach
    void removeTheGrants() {
        jdbc.update("delete from act_ru_authorization where id_ like 'stats-it-%'");
        jdbc.execute("analyze act_ru_authorization");
    }

    @Test
    void theStatisticsAreMadeAsTheApplicationStartsAndOnlyOnce() {
        assertThat(statistics.exists()).isTrue();

        statistics.apply();

        assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = ?", Integer.class,
                AuthorizationStatistics.NAME)).isEqualTo(1);
    }

    @Test
    void thePlannerExpectsAsManyTaskGrantsAsThereAre() throws Exception {
        jdbc.update("""
                insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
                select 'stats-it-' || g, 1, 1, 'clerk-STATS', 7, 'stats-it-task-' || g, 2 | 4 | 8
                from generate_series(1, ?) g""", GRANTS);
        jdbc.execute("analyze act_ru_authorization");

        assertThat(estimatedRows("""
                select * from act_ru_authorization a where a.type_ < 2 and a.group_id_ = 'clerk-STATS'
                  and (a.resource_type_ = 7 and a.perms_ & 2 = 2 or a.resource_type_ = 6 and a.perms_ & 64 = 64)"""))
                .as("grants the planner expects (there are %d)", GRANTS)
                .isGreaterThan(GRANTS / 3);
    }

    private long estimatedRows(String query) throws Exception {
        String plan = jdbc.queryForObject("explain (format json) " + query, String.class);
        JsonNode root = new ObjectMapper().readTree(plan).get(0).get("Plan");
        return root.get("Plan Rows").asLong();
    }
}
