package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mitan.MitanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On one connection, the engine's task list for a group (which joins the tasks to the reader's grants) is never
 * prepared on the server, so PostgreSQL plans it for the values of each call; a statement without grants is
 * prepared from its fifth use as before.
 */
@MitanIntegrationTest
class GrantJoinPlansIT {

    private static final int CALLS = 8;

    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void theTaskListJoinedToGrantsIsPlannedForItsValuesAtEveryCall() {
        List<String> serverPrepared = transaction.execute(status -> {
            // within one transaction every engine call and the query below use the same connection
            identity.setAuthentication("clerk.raipur", List.of("clerk-RPR"));
            for (int call = 0; call < CALLS; call++) {
                tasks.createTaskQuery().taskCandidateGroup("clerk-RPR").orderByTaskCreateTime().desc().listPage(0, 15);
                tasks.createTaskQuery().taskCandidateGroup("clerk-RPR").count();
            }
            identity.clearAuthentication();
            for (int call = 0; call < CALLS; call++) {
                tasks.createTaskQuery().taskId("grant-join-plans-" + call).singleResult();
            }
            return jdbc.queryForList("select statement from pg_prepared_statements", String.class);
        });

        assertThat(serverPrepared).as("statements prepared on the server")
                .noneMatch(statement -> GrantJoinPlans.joinsGrants(statement))
                .anyMatch(statement -> statement.toUpperCase().contains("FROM ACT_RU_TASK RES"));
    }

    @Test
    void onlySelectsThatJoinRowsToTheirGrantsAreSentUnprepared() {
        assertThat(GrantJoinPlans.joinsGrants("""
                select distinct RES.ID_ from ACT_RU_TASK RES inner join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A
                WHERE A.TYPE_ < 2 ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , '*' ))""")).isTrue();
        assertThat(GrantJoinPlans.joinsGrants("SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A")).isFalse();
        assertThat(GrantJoinPlans.joinsGrants("insert into ACT_RU_AUTHORIZATION ( ID_ ) values ( ? )")).isFalse();
        assertThat(GrantJoinPlans.joinsGrants("select * from ACT_RU_TASK where ID_ = ?")).isFalse();
    }
}
