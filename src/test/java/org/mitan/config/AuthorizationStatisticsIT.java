package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mitan.MitanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The planner's statistics on the engine's grants, on the application's PostgreSQL: with thousands of tasks offered
 * to one group, the planner expects thousands of matching grants, not a handful (which made it compare every task
 * with every grant, issue 11); and the application's connections plan the engine's prepared task query for its
 * values every time, so that those statistics are used.
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

    @Test
    void theApplicationsConnectionsPlanAPreparedTaskQueryForItsValuesEveryTime() {
        List<String> plans = jdbc.execute((Connection connection) -> {
            try (Statement statement = connection.createStatement()) {
                // the engine's task list for a group, as MyBatis sends it: every value a parameter
                statement.execute("""
                        prepare mitan_task_page (text, text, int, int, int, int, text, int) as
                        select distinct res.id_, res.create_time_ from act_ru_task res
                          left join act_ru_identitylink i on i.task_id_ = res.id_
                          inner join (select a.* from act_ru_authorization a where a.type_ < 2
                            and (a.user_id_ in ($1, '*') or a.group_id_ in ($2))
                            and (a.resource_type_ = $3 and a.perms_ & $4 = $4
                              or a.resource_type_ = $5 and a.perms_ & $6 = $6)) auth
                            on auth.resource_id_ in (res.id_, '*')
                        where res.assignee_ is null and i.type_ = 'candidate' and i.group_id_ in ($7)
                        order by res.create_time_ desc limit $8""");
                List<String> each = new ArrayList<>();
                try {
                    // PostgreSQL may settle on one generic plan from the sixth execution on
                    for (int execution = 1; execution <= 8; execution++) {
                        each.add(plan(statement, "explain execute mitan_task_page "
                                + "('clerk.stats', 'clerk-STATS', 7, 2, 6, 64, 'clerk-STATS', 15)"));
                    }
                } finally {
                    statement.execute("deallocate mitan_task_page");
                }
                return each;
            }
        });

        assertThat(plans).hasSize(8).allSatisfy(plan -> assertThat(plan)
                .as("a plan made for the values names no parameter such as $4")
                .doesNotContainPattern("\\$\\d"));
    }

    private static String plan(Statement statement, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(explain)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private long estimatedRows(String query) throws Exception {
        String plan = jdbc.queryForObject("explain (format json) " + query, String.class);
        JsonNode root = new ObjectMapper().readTree(plan).get(0).get("Plan");
        return root.get("Plan Rows").asLong();
    }
}
