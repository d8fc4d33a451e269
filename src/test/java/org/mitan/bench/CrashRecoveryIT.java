package org.mitan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of the work, and nothing is lost or doubled. The production jar runs on a durable PostgreSQL
 * and an S3 server (as in the benchmark); Mitans, clerks and registrars drive birth-certificate requests through the
 * APIs at once, and while they do, and while the engine's jobs (reading the scans back, filing with the single
 * window, issuing, SMS) are in flight, the application is killed outright ({@code destroyForcibly}, SIGKILL). It is
 * started again on the same database and store, and every request is driven on from wherever it stood. Then: every
 * request delivered, one certificate and one single-window filing each, no SMS sent twice that must go once, every
 * document's and certificate's object in the store, and no object in the store that no record points to.
 * <p>
 * {@code -Dmitan.crash.requests=1000} runs it larger (default 24, a few minutes on two cores).
 */
class CrashRecoveryIT {

    private static final Path DIR = Path.of("target", "crash-recovery").toAbsolutePath();
    private static final int REQUESTS = Integer.getInteger("mitan.crash.requests", 24);

    private BenchInfrastructure.Running infrastructure;
    private Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void aKilledApplicationFinishesEveryRequestOnceAfterARestart() throws Exception {
        ProductionRig.clean(DIR);
        infrastructure = BenchInfrastructure.start(DIR, ProductionRig.freePort());
        String jdbc = ProductionRig.jdbc(infrastructure);
        int port = ProductionRig.freePort();
        Path log = DIR.resolve("app.log");
        app = ProductionRig.startJar(infrastructure.environment(), port, log);
        RequestDriver driver = new RequestDriver(new LoadClient("http://localhost:" + port, jdbc, log));

        // Drivers work the requests at once; the application is killed while they are at it.
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            numbers.add(driver.client().register());
        }
        Drivers drivers = Drivers.start(numbers, i -> driver, 4);
        // Kill when the work is well under way: about two steps per request done, the rest in flight.
        drivers.awaitSteps(REQUESTS * 2);
        String before = ProductionRig.stages(jdbc);
        app.destroyForcibly().waitFor();
        drivers.awaitEnd();
        System.out.println("crash: killed after " + drivers.steps() + " steps; requests by status then: " + before
                + "; drivers cut off: " + drivers.cutOff().size());
        assertThat(drivers.cutOff()).as("requests whose driver the kill cut off").isNotEmpty();

        app = ProductionRig.startJar(infrastructure.environment(), port, log);
        // Jobs the killed node had locked wait for their locks to expire (a minute), then run.
        Drivers.finish(numbers, driver, 8);

        ProductionRig.assertEveryRequestFinishedOnce(jdbc, infrastructure.objects(), REQUESTS, driver.client());
    }
}
