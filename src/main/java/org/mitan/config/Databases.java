package org.mitan.config;

import java.sql.Connection;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the application's database is, for the tuning that only PostgreSQL takes. */
final class Databases {

    private Databases() {
    }

    static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((Connection connection) ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
    }
}
