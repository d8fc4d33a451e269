package org.mitan.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the lifecycles ask of PostgreSQL, statement by statement, from {@code pg_stat_statements}: loaded by the
 * benchmark's PostgreSQL when a profile is asked for ({@code BENCH_PROFILE=1}), since it costs every statement a
 * little. The statements of one database (the application's or the bare engine's), between {@link #reset} and
 * {@link #report}.
 */
final class StatementStats {

    private static final String OF_THIS_DATABASE = " from pg_stat_statements s join pg_database d on d.oid = s.dbid"
            + " where d.datname = current_database()";

    private final String jdbcUrl;

    private StatementStats(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The statistics of the database at this URL, or {@code null} when PostgreSQL does not keep them. */
    static StatementStats of(String jdbcUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement();
                ResultSet loaded = sql.executeQuery("select count(*) from pg_extension"
                        + " where extname = 'pg_stat_statements'")) {
            loaded.next();
            return loaded.getInt(1) > 0 ? new StatementStats(jdbcUrl) : null;
        }
    }

    /** Forgets what was counted so far (every database's). */
    void reset() throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
            sql.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * Puts the statements and their time per lifecycle into the results ({@code pg.statements}, {@code pg.ms}), and
     * the plans made and their time ({@code pg.plans}, {@code pg.planMs}); gives lines for the busiest statements
     * (executing and planning): calls, plans and their milliseconds per lifecycle, the statement's start.
     */
    List<String> report(int lifecycles, int busiest, Map<String, String> results) throws SQLException {
        double each = Math.max(1, lifecycles);
        List<String> lines = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
            try (ResultSet total = sql.executeQuery("select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0),"
                    + " coalesce(sum(plans), 0), coalesce(sum(total_plan_time), 0)" + OF_THIS_DATABASE)) {
                total.next();
                results.put("pg.statements", LoadClient.format(total.getLong(1) / each));
                results.put("pg.ms", LoadClient.format(total.getDouble(2) / each));
                results.put("pg.plans", LoadClient.format(total.getLong(3) / each));
                results.put("pg.planMs", LoadClient.format(total.getDouble(4) / each));
            }
            try (ResultSet top = sql.executeQuery("select calls, total_exec_time, plans, total_plan_time, query"
                    + OF_THIS_DATABASE + " order by total_exec_time + total_plan_time desc limit " + busiest)) {
                while (top.next()) {
                    lines.add(String.format(Locale.ROOT, "%7.1f calls %7.2f ms, %5.1f plans %6.2f ms  %s",
                            top.getLong(1) / each, top.getDouble(2) / each, top.getLong(3) / each,
                            top.getDouble(4) / each, oneLine(top.getString(5))));
                }
            }
        }
        return lines;
    }

    /** A statement on one line, its first 150 characters. */
    static String oneLine(String statement) {
        String line = statement.replaceAll("\\s+", " ").trim();
        return line.length() > 150 ? line.substring(0, 150) + "…" : line;
    }
}
