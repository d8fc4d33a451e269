package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mitan.MitanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor finds the due jobs by index however many timers wait (issue 11: every open request holds
 * timers days ahead), and a job made without a due date before the engine gave every job one is still found.
 */
@MitanIntegrationTest
class JobDueDatesIT {

    private static final int TIMERS = 3_000;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private JobDueDates dueDates;

    @Autowired
    private ProcessEngineConfigurationImpl engine;

    @AfterEach
    void removeTheJobs() {
        jdbc.update("delete from act_ru_job where id_ like 'due-it-%'");
        jdbc.execute("analyze act_ru_job");
    }

    @Test
    void theEngineGivesEveryJobADueDateAndTheDueOnesAreFoundByIndex() {
        assertThat(engine.isEnsureJobDueDateNotNull()).isTrue();
        jdbc.update("""
                insert into act_ru_job (id_, rev_, type_, exclusive_, retries_, duedate_, handler_type_, create_time_)
                select 'due-it-' || g, 1, 'timer', true, 3, localtimestamp + interval '3 days', 'timer-transition',
                       localtimestamp
                from generate_series(1, ?) g""", TIMERS);
        jdbc.execute("analyze act_ru_job");

        // the shape of the engine's acquisition once every job has a due date (Job.xml, selectNextJobsToExecute)
        String plan = String.join("\n", jdbc.queryForList("""
                explain select RES.ID_ from ACT_RU_JOB RES
                where (RES.RETRIES_ > 0) and (RES.DUEDATE_ <= localtimestamp)
                  and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < localtimestamp)
                  and RES.SUSPENSION_STATE_ = 1 limit 3""", String.class));

        assertThat(plan).as("the plan with %d timers waiting", TIMERS).contains(JobDueDates.INDEX)
                .doesNotContain("Seq Scan");
    }

    @Test
    void aJobMadeWithoutADueDateGetsItsCreationTimeAndIsDueAgain() {
        LocalDateTime made = LocalDateTime.now().minusHours(2).withNano(0);
        jdbc.update("""
                insert into act_ru_job (id_, rev_, type_, exclusive_, retries_, handler_type_, create_time_)
                values ('due-it-old', 1, 'message', true, 3, 'async-continuation', ?)""", Timestamp.valueOf(made));

        dueDates.apply();
        dueDates.apply();

        assertThat(jdbc.queryForObject("select duedate_ from act_ru_job where id_ = 'due-it-old'", Timestamp.class))
                .isEqualTo(Timestamp.valueOf(made));
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = ?", Integer.class,
                JobDueDates.INDEX)).isEqualTo(1);
    }
}
