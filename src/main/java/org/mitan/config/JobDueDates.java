package org.mitan.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor find the jobs that are due without reading every job there is. Every open request holds
 * timers that fall due days ahead (each open task's "overdue" reminder, the legal deadline), and the engine's query
 * for due jobs ({@code duedate_ is null or duedate_ <= now}) has no index to use: each acquisition, several a second
 * under load, read the whole of {@code act_ru_job}. With thousands of requests waiting for their visit, that was 3.5
 * ms of PostgreSQL per registration, its largest statement (benchmark, {@code pg_stat_statements}, issue 11).
 * <p>
 * The engine gives every new job a due date ({@code ensure-job-due-date-not-null} in {@code application.yaml}), so
 * its query becomes {@code duedate_ <= now}, and this index answers it. Jobs made before that setting (an upgrade)
 * have none and would no longer be found: they get their creation time as due date here. Made as the application
 * starts, after the engine has made its tables (the application's migrations run before it); on PostgreSQL only.
 */
@Component
class JobDueDates {

    static final String INDEX = "mitan_job_due_date";

    private static final Logger LOG = LoggerFactory.getLogger(JobDueDates.class);

    private final JdbcTemplate jdbc;

    JobDueDates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void apply() {
        try {
            if (!Databases.isPostgres(jdbc)) {
                return;
            }
            int undated = jdbc.update("update act_ru_job set duedate_ = coalesce(create_time_, localtimestamp)"
                    + " where duedate_ is null");
            if (undated > 0) {
                LOG.info("Gave {} jobs made without a due date their creation time, so that they are found", undated);
            }
            jdbc.execute("create index if not exists " + INDEX + " on act_ru_job (duedate_)");
        } catch (DataAccessException e) {
            // Another node did it at the same moment, or the database refused: jobs still run, found more slowly.
            LOG.warn("Could not index the jobs' due dates: {}", e.getMessage());
        }
    }
}
