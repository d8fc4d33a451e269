package org.mitan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL and one object store, as the {@code two-nodes} profile of
 * {@code docker-compose.yml} runs them behind a reverse proxy: requests are registered and worked on both, one node
 * is killed outright (SIGKILL) mid-load, and the survivor finishes the work. Each job of a request runs to its end once
 * (the engine's job log has one success per job), each certificate is issued once, each request filed once; nothing is
 * lost from the store or left in it without a record.
 */
class TwoNodesIT {

    private static final Path DIR = Path.of("target", "two-nodes").toAbsolutePath();
    private static final int REQUESTS = 16;

    private BenchInfrastructure.Running infrastructure;
    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(Process::destroyForcibly);
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void theSurvivorFinishesTheWorkOfAKilledNodeAndEveryJobRunsOnce() throws Exception {
        ProductionRig.clean(DIR);
        infrastructure = BenchInfrastructure.start(DIR, ProductionRig.freePort());
        String jdbc = ProductionRig.jdbc(infrastructure);
        int portA = ProductionRig.freePort();
        int portB = ProductionRig.freePort();
        // One after the other, as an orchestrator rolls them out: the first migrates the schema.
        Path logA = DIR.resolve("node-a.log");
        Path logB = DIR.resolve("node-b.log");
        nodes.add(ProductionRig.startJar(infrastructure.environment(), portA, logA));
        Process nodeB = ProductionRig.startJar(infrastructure.environment(), portB, logB);
        nodes.add(nodeB);
        ConcurrentHashMap<String, byte[]> scans = new ConcurrentHashMap<>();
        LoadClient clientA = new LoadClient("http://localhost:" + portA, jdbc, logA);
        LoadClient clientB = new LoadClient("http://localhost:" + portB, jdbc, logB);
        RequestDriver onA = new RequestDriver(clientA, number -> otp(clientA, clientB, number), scans);
        RequestDriver onB = onA.on(clientB);

        // Requests spread over both nodes, as the proxy spreads the calls.
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            numbers.add((i % 2 == 0 ? clientA : clientB).register());
        }
        Drivers drivers = Drivers.start(numbers, i -> i % 2 == 0 ? onA : onB, 4);
        drivers.awaitSteps(REQUESTS * 2);
        String before = ProductionRig.stages(jdbc);
        nodeB.destroyForcibly().waitFor();
        drivers.awaitEnd();
        System.out.println("two nodes: node B killed after " + drivers.steps() + " steps; requests by status then: "
                + before + "; drivers cut off: " + drivers.cutOff().size());
        assertThat(drivers.cutOff()).as("requests worked on the killed node").isNotEmpty();

        // The survivor takes up the rest, including the jobs the killed node had locked (free after a minute).
        Drivers.finish(drivers.cutOff(), onA, 8);

        ProductionRig.assertEveryRequestFinishedOnce(jdbc, infrastructure.objects(), REQUESTS, clientA);
        try (Connection db = DriverManager.getConnection(jdbc); Statement sql = db.createStatement()) {
            // The requests' jobs only: the engine's history cleanup job runs again and again under one id, by
            // design, while the clock is in its nightly window.
            assertThat(ProductionRig.rows(sql, """
                    select coalesce(job_def_type_, '') || ' ' || coalesce(job_def_configuration_, '') || ' ' || job_id_
                    from act_hi_job_log where job_state_ = 2 and process_instance_id_ is not null
                    group by job_id_, job_def_type_, job_def_configuration_ having count(*) > 1"""))
                    .as("jobs of requests that ran to their end twice").isEmpty();
            assertThat(ProductionRig.count(sql, """
                    select count(*) from act_hi_job_log where job_state_ = 2 and process_instance_id_ is not null"""))
                    .as("jobs of requests done").isGreaterThanOrEqualTo(REQUESTS * 3L);
        }
    }

    /** The OTP from whichever node's log the SMS went out on (the outbox masks it once sent). */
    private static String otp(LoadClient a, LoadClient b, String number) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (LoadClient node : List.of(a, b)) {
                String otp = node.otpIfSent(number);
                if (otp != null) {
                    return otp;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no delivery OTP for " + number);
    }
}
