package org.mitan.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Prints the benchmark's table from {@code app.properties} and {@code bare.properties}: {@code BenchReport <dir>}. */
public final class BenchReport {

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Properties app = read(dir.resolve("app.properties"));
        Properties bare = read(dir.resolve("bare.properties"));
        System.out.print(table(app, bare));
    }

    static String table(Properties app, Properties bare) {
        StringBuilder table = new StringBuilder();
        table.append("| figure | application | bare engine | app / bare |\n|---|---|---|---|\n");
        for (String users : new String[] {"1", "4", "16"}) {
            row(table, "full lifecycles/s, " + users + " concurrent users", app, bare, "lifecycles." + users, false);
        }
        for (String rate : new String[] {"10", "25", "50"}) {
            row(table, "registration p50 at " + rate + "/s (ms)", app, bare, "registration." + rate + ".p50", true);
            row(table, "registration p99 at " + rate + "/s (ms)", app, bare, "registration." + rate + ".p99", true);
        }
        row(table, "2 MB scan upload p99 (ms, " + app.getProperty("upload.count", "?") + " uploads)", app, bare,
                "upload.2mb.p99", true);
        for (String open : app.getProperty("tasklist.sizes", "").split(",")) {
            if (!open.isEmpty()) {
                row(table, "clerk's task list p95 (ms, " + open + " open tasks)", app, bare,
                        "tasklist." + open + ".p95", true);
            }
        }
        for (String users : new String[] {"1", "16"}) {
            row(table, "CPU per lifecycle at " + users + " users, the application's JVM (ms)", app, bare,
                    "cpu." + users + ".application", true);
            row(table, "CPU per lifecycle at " + users + " users, PostgreSQL (ms)", app, bare,
                    "cpu." + users + ".postgres", true);
        }
        row(table, "CPU per lifecycle at 16 users, the JIT compilers within the JVM (ms)", app, bare, "cpu.16.jit",
                true);
        row(table, "CPU per lifecycle at 16 users, the S3 server (ms)", app, bare, "cpu.16.store", true);
        row(table, "CPU per lifecycle at 16 users, the load client (ms)", app, bare, "cpu.16.client", true);
        row(table, "WAL records per lifecycle at 16 users", app, bare, "wal.16.records", true);
        row(table, "WAL per lifecycle at 16 users (KB)", app, bare, "wal.16.kb", true);
        // whole pages written again after a checkpoint: they depend on when the checkpoints fell, not on the work
        row(table, "WAL full-page images per lifecycle at 16 users", app, bare, "wal.16.fpi", null);
        if (app.containsKey("pg.statements") || bare.containsKey("pg.statements")) {
            row(table, "PostgreSQL statements per lifecycle (pg_stat_statements)", app, bare, "pg.statements", true);
            row(table, "PostgreSQL statement time per lifecycle (ms)", app, bare, "pg.ms", true);
            row(table, "PostgreSQL plans made per lifecycle", app, bare, "pg.plans", true);
            row(table, "PostgreSQL planning time per lifecycle (ms)", app, bare, "pg.planMs", true);
        }
        row(table, "database bytes per finished lifecycle, full history", app, bare, "db.bytesPerLifecycle", true);
        row(table, "database bytes per finished lifecycle, after history cleanup", app, bare,
                "db.bytesPerLifecycleAfterCleanup", true);
        row(table, "warm-up until the JIT settled (s, not measured; full run only)", app, bare, "warmup.seconds",
                null);
        row(table, "start-up (s, to the first answered API call)", app, bare, "startup.seconds", true);
        row(table, "steady heap after full GC (MB)", app, bare, "heap.mb", true);
        return table.toString();
    }

    /**
     * A row; the ratio is app/bare for throughput and bare/app for times and sizes (≥ 1 means "as good"), none
     * when {@code lowerIsBetter} is null (a figure that describes the run, not the application).
     */
    private static void row(StringBuilder table, String label, Properties app, Properties bare, String key,
            Boolean lowerIsBetter) {
        String a = app.getProperty(key, "–");
        String b = bare.getProperty(key, "–");
        String ratio = "–";
        try {
            double x = Double.parseDouble(a);
            double y = Double.parseDouble(b);
            if (lowerIsBetter != null) {
                ratio = String.format(java.util.Locale.ROOT, "%.2f", lowerIsBetter ? y / x : x / y);
            }
        } catch (NumberFormatException e) {
            // one side not measured
        }
        table.append("| ").append(label).append(" | ").append(a).append(" | ").append(b).append(" | ").append(ratio)
                .append(" |\n");
    }

    static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
