package org.mitan.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * What PostgreSQL wrote to its write-ahead log (the whole server: the benchmark runs one thing at a time on it). Every
 * change is written there before it reaches a table, index entries one by one, so the log's records and bytes per
 * lifecycle say how much writing a lifecycle asks of the database beyond the bytes its rows keep. The bytes are the
 * log's position, exact at any moment; the records and the whole pages written again after a checkpoint come from
 * {@code pg_stat_wal}, which each connection brings up to date within about a second.
 */
record Wal(long records, long fullPageImages, long bytes) {

    static Wal read(String jdbcUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement();
                ResultSet wal = sql.executeQuery("select wal_records, wal_fpi,"
                        + " pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint from pg_stat_wal")) {
            wal.next();
            return new Wal(wal.getLong(1), wal.getLong(2), wal.getLong(3));
        }
    }

    /**
     * Per piece of work since {@code before}, into {@code results} as {@code <key>.records}, {@code <key>.fpi} and
     * {@code <key>.kb}; returns the line to print.
     */
    String perWork(Wal before, int done, String work, String key, Map<String, String> results) {
        double each = Math.max(1, done);
        double records = (this.records - before.records) / each;
        double images = (fullPageImages - before.fullPageImages) / each;
        double kilobytes = (bytes - before.bytes) / 1024.0 / each;
        results.put(key + ".records", LoadClient.format(records));
        results.put(key + ".fpi", LoadClient.format(images));
        results.put(key + ".kb", LoadClient.format(kilobytes));
        return String.format(Locale.ROOT, "WAL per %s: %.0f records, %.1f full-page images, %.1f KB", work, records,
                images, kilobytes);
    }
}
