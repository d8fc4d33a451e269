package org.mitan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's pieces work (the benchmark itself runs with {@code bash bench/run}, not in the build). */
class LoadClientPiecesTest {

    @Test
    void percentilesAreNearestRank() {
        Figures figures = new Figures();
        for (int i = 1; i <= 100; i++) {
            figures.add(i);
        }
        assertThat(figures.percentile(50)).isEqualTo(50);
        assertThat(figures.percentile(99)).isEqualTo(99);
        assertThat(figures.percentile(100)).isEqualTo(100);
        assertThat(new Figures().percentile(50)).isNaN();
    }

    @Test
    void theSlowestRegistrationsAreToldByTheSecondTheyWerePlannedIn(@TempDir Path dir) throws IOException {
        List<Registration> answered = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {   // 10 a second for 30 s, 20 ms each, and a stall in second 12
            answered.add(new Registration(i * 100.0, i >= 120 && i < 123 ? 400 - i : 20));
        }
        answered.add(new Registration(29_950, 90));

        assertThat(Registration.tail(answered, 99)).isEqualTo("  the slowest 3 (over p99, 278 to 280 ms) were planned"
                + " in 1 of the phase's seconds: 3 in second 12; p99 of each 10 s: 20, 279, 20 ms");
        assertThat(Registration.tail(answered, 98)).isEqualTo("  the slowest 6 (over p98, 20 to 280 ms) were planned"
                + " in 3 of the phase's seconds: 3 in second 12, 2 in second 0, 1 in second 29;"
                + " p98 of each 10 s: 20, 278, 20 ms");
        assertThat(Registration.tail(List.of(), 99)).isEqualTo("no registration answered");

        Path csv = dir.resolve("registrations-10.csv");
        Registration.write(List.of(new Registration(100, 21.25), new Registration(0, 19.5)),
                java.time.Instant.parse("2026-12-06T23:00:59.950Z"), csv);
        assertThat(Files.readAllLines(csv)).containsExactly("planned_ms,planned_utc,latency_ms",
                "0.0,23:00:59.950,19.5", "100.0,23:01:00.050,21.3");
    }

    @Test
    void theBigScanIsATwoMegabytePictureThatDecodes() throws IOException {
        byte[] scan = LoadClient.image(7, 830);

        assertThat(scan.length).isBetween(2_000_000, 2_200_000);
        assertThat(ImageIO.read(new ByteArrayInputStream(scan)).getWidth()).isEqualTo(830);
        assertThat(LoadClient.image(8, 830)).isNotEqualTo(scan);
        assertThat(new String(LoadClient.pdf("RPR-2026-000001"), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void theTableComparesTheApplicationWithTheBareEngine() {
        Properties app = new Properties();
        app.setProperty("lifecycles.4", "8.0");
        app.setProperty("registration.50.p99", "40.0");
        app.setProperty("tasklist.sizes", "10000,100000");
        app.setProperty("tasklist.10000.p95", "350.0");
        app.setProperty("tasklist.100000.p95", "260.8");
        Properties bare = new Properties();
        bare.setProperty("lifecycles.4", "10.0");
        bare.setProperty("registration.50.p99", "20.0");

        String table = BenchReport.table(app, bare);

        assertThat(table).contains("| full lifecycles/s, 4 concurrent users | 8.0 | 10.0 | 0.80 |");
        assertThat(table).contains("| registration p99 at 50/s (ms) | 40.0 | 20.0 | 0.50 |");
        assertThat(table).contains("| full lifecycles/s, 16 concurrent users | – | – | – |");
        assertThat(table).contains("| clerk's task list p95 (ms, 10000 open tasks) | 350.0 | – | – |\n"
                + "| clerk's task list p95 (ms, 100000 open tasks) | 260.8 | – | – |");
    }

    @Test
    void theTableShowsTheCpuOfEachProcessPerLifecycleBesideTheBareEngines() {
        Properties app = new Properties();
        Map<String, String> results = new LinkedHashMap<>();
        String line = LoadClient.cpuPer("lifecycle at 16 users", "cpu.16", Map.of("postgres", 100.0), results);
        results.forEach(app::setProperty);
        app.setProperty("cpu.16.application", "150.0");
        Properties bare = new Properties();
        bare.setProperty("cpu.16.application", "50.0");
        bare.setProperty("cpu.16.postgres", "60.0");

        String table = BenchReport.table(app, bare);

        assertThat(line).isEqualTo("CPU per lifecycle at 16 users (ms): postgres 100.0");
        assertThat(table)
                .contains("| CPU per lifecycle at 16 users, the application's JVM (ms) | 150.0 | 50.0 | 0.33 |");
        assertThat(table).contains("| CPU per lifecycle at 16 users, PostgreSQL (ms) | 100.0 | 60.0 | 0.60 |");
    }

    /** A command name may hold spaces and brackets; the fields are counted from the last bracket. */
    @Test
    void aProcessStatLineGivesItsParentAndItsCpuSeconds() {
        String line = "4242 (postgres: a) b) S 4200 4242 4242 0 -1 4194560 300 0 0 0 250 50 7 3 20 0 1 0 100 "
                + "200000000 2000 18446744073709551615 0 0 0 0 0 0 0 4194304 0 0 0 0 17 1 0 0 0 0 0";

        ProcessCpu.Stat stat = ProcessCpu.Stat.parse(line, 100);

        assertThat(stat.parent()).isEqualTo(4200);
        assertThat(stat.own()).isEqualTo(3.0);
        assertThat(stat.reapedChildren()).isEqualTo(0.1);
    }

    /** The JIT's compiler threads are told by the name Linux keeps (15 characters); this JVM has some, busy. */
    @Test
    void theJitCompilersAreTheThreadsOfThatName() {
        String fields = " S 4200 4242 4242 0 -1 4194560 300 0 0 0 250 50 7 3 20 0 1 0 100 200000000 2000";

        assertThat(ProcessCpu.isCompiler("4243 (C2 CompilerThre)" + fields)).isTrue();
        assertThat(ProcessCpu.isCompiler("4244 (C1 CompilerThre)" + fields)).isTrue();
        assertThat(ProcessCpu.isCompiler("4245 (G1 Conc#0)" + fields)).isFalse();
        assertThat(ProcessCpu.isCompiler("4246 (http-nio-8080-e)" + fields)).isFalse();
        long self = ProcessHandle.current().pid();
        assertThat(ProcessCpu.compilers(self)).isGreaterThan(0).isLessThan(ProcessCpu.of(self));
        assertThat(ProcessCpu.compilers(-1)).isZero();
    }

    /** Rounds until the JIT took under 5 % of a round's CPU, two minutes at least, ten at most. */
    @Test
    void theWarmUpLastsUntilTheJitHasSettled() throws Exception {
        double[] jvm = {0};
        double[] jit = {0};
        double[] jitShareOfRound = {0.40, 0.20, 0.10, 0.08, 0.06, 0.04, 0.30};
        int[] rounds = {0};
        WarmUp.Round round = seconds -> {
            jvm[0] += seconds;
            jit[0] += seconds * jitShareOfRound[rounds[0]++];
        };

        WarmUp.Done done = WarmUp.untilJitSettles(round, () -> jvm[0], () -> jit[0]);

        assertThat(rounds[0]).isEqualTo(6);
        assertThat(done.seconds()).isEqualTo(180);
        assertThat(done.lastJitShare()).isCloseTo(0.04, within(1e-9));
        assertThat(done.describe())
                .isEqualTo("warm-up 180 s, the JIT compilers 4.0 % of the JVM's CPU in its last 30 s");
        // settled at once: still the minimum; never settled: the maximum; no CPU readable: the minimum
        assertThat(WarmUp.over(90, 0.01)).isFalse();
        assertThat(WarmUp.over(120, 0.01)).isTrue();
        assertThat(WarmUp.over(570, 0.5)).isFalse();
        assertThat(WarmUp.over(600, 0.5)).isTrue();
        assertThat(WarmUp.share(0, 0)).isZero();
    }

    /** The warm-up's length describes the run: no ratio; the JIT's CPU per lifecycle is compared like the rest. */
    @Test
    void theTableShowsTheWarmUpAndTheJitCompilers() {
        Properties app = new Properties();
        Map<String, String> results = new LinkedHashMap<>();
        String line = LoadClient.jitPer(16, 0.5, 100, results);
        results.forEach(app::setProperty);
        app.setProperty("warmup.seconds", "300");
        Properties bare = new Properties();
        bare.setProperty("cpu.16.jit", "1.0");
        bare.setProperty("warmup.seconds", "150");

        String table = BenchReport.table(app, bare);

        assertThat(line).isEqualTo("; the JIT compilers (in the application's JVM) 5.0");
        assertThat(table).contains("| CPU per lifecycle at 16 users, the JIT compilers within the JVM (ms) | 5.0 | 1.0 "
                + "| 0.20 |");
        assertThat(table)
                .contains("| warm-up until the JIT settled (s, not measured; full run only) | 300 | 150 | – |");
    }

    /**
     * PostgreSQL's time is its postmaster's and every process it started, those that ended too: here this JVM plays
     * the postmaster (its pid in a {@code postmaster.pid}) and a shell it started and waited for, its backend.
     */
    @Test
    void postgresCountsTheTimeOfItsEndedProcesses(@TempDir Path dataDirectory) throws Exception {
        long self = ProcessHandle.current().pid();
        Files.writeString(dataDirectory.resolve("postmaster.pid"), self + "\n" + dataDirectory + "\n");
        double before = ProcessCpu.postgres(dataDirectory) - ProcessCpu.of(self);

        Process backend = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done").start();
        assertThat(backend.waitFor()).isZero();

        double after = ProcessCpu.postgres(dataDirectory) - ProcessCpu.of(self);
        assertThat(after - before).isGreaterThan(0.1);
        assertThat(ProcessCpu.postgres(dataDirectory.resolve("missing"))).isZero();
    }

    private static String setting(Statement sql, String name) {
        try (var value = sql.executeQuery("show " + name)) {
            value.next();
            return value.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * With {@code pg_stat_statements} loaded and created, the busiest statements per lifecycle; without, none. The
     * server runs with the settings docker-compose.yml gives the production database.
     */
    @Test
    void postgresSaysWhichStatementsALifecycleAsked(@TempDir Path dataDirectory) throws Exception {
        try (EmbeddedPostgres postgres = BenchInfrastructure.postgres(dataDirectory, 0, true)) {
            String url = postgres.getJdbcUrl("postgres", "postgres") + "&password=postgres";
            assertThat(StatementStats.of(url)).isNull();
            try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
                sql.execute("create extension pg_stat_statements");
                assertThat(BenchInfrastructure.productionSettings())
                        .containsKeys("max_wal_size", "checkpoint_timeout", "random_page_cost")
                        .allSatisfy((name, value) -> assertThat(setting(sql, name)).isEqualTo(value));
                StatementStats statements = StatementStats.of(url);
                statements.reset();
                Wal walBefore = Wal.read(url);
                sql.execute("create table lifecycle (step int)");
                for (int step = 0; step < 6; step++) {
                    sql.execute("insert into lifecycle values (" + step + ")");
                }
                sql.execute("select pg_stat_force_next_flush()");   // this connection's WAL records, counted now
                Map<String, String> results = new LinkedHashMap<>();

                String wal = Wal.read(url).perWork(walBefore, 2, "lifecycle at 16 users", "wal.16", results);
                assertThat(wal).matches("WAL per lifecycle at 16 users: \\d+ records, \\d+\\.\\d full-page images, "
                        + "\\d+\\.\\d KB");
                assertThat(Double.parseDouble(results.get("wal.16.records"))).isGreaterThanOrEqualTo(3.0);
                assertThat(Double.parseDouble(results.get("wal.16.kb"))).isPositive();
                Properties app = new Properties();
                results.forEach(app::setProperty);
                assertThat(BenchReport.table(app, new Properties()))
                        .contains("| WAL records per lifecycle at 16 users | " + results.get("wal.16.records")
                                + " | – | – |");

                List<String> busiest = statements.report(2, 15, results);

                assertThat(busiest).anySatisfy(line -> assertThat(line)
                        .matches(" +3\\.0 calls +\\d+\\.\\d\\d ms, +\\d+\\.\\d plans +\\d+\\.\\d\\d ms  "
                                + "insert into lifecycle values \\(\\$1\\)"));
                assertThat(Double.parseDouble(results.get("pg.statements"))).isGreaterThanOrEqualTo(3.5);
            }
        }
    }

    /** Every bean an expression in the models names is one the bare engine has (else it would fail mid-journey). */
    @Test
    void theBareEngineHasEveryBeanTheModelsName() throws IOException {
        Pattern bean = Pattern.compile("\\$\\{!?([a-zA-Z]+)[.}]");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(file -> file.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = bean.matcher(Files.readString(model));
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }
        // Process variables the models read, not beans.
        named.removeAll(Set.of("execution", "documentsVerified", "registrationDocumentsComplete",
                "latePermissionRemarks", "correctionDocumentsComplete", "correctionApprovalRemarks",
                "certificateOnPaper"));

        assertThat(named).isNotEmpty();
        assertThat(BareEngine.noOpBeans().keySet()).containsAll(named);
    }
}
