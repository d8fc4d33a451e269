package org.mitan.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * One process engine on one embedded PostgreSQL for every engine-only process test in the JVM: no Spring, the
 * job executor off, full history, JSON serialisation as in the app, and {@code Mocks} in place of the Spring beans
 * that the models name. Started on first use; a shutdown hook of our own closes the engine before the database.
 */
final class ProcessTestEngine {

    private static ProcessEngine engine;

    private ProcessTestEngine() {
    }

    static synchronized ProcessEngine get() {
        if (engine == null) {
            engine = start();
        }
        return engine;
    }

    /** The coverage extension for a test class, on the shared engine; reports land in target/process-test-coverage. */
    static ProcessEngineCoverageExtension coverage() {
        ProcessEngineCoverageExtension extension = new ProcessEngineCoverageExtension();
        extension.setProcessEngine(get());
        return extension;
    }

    private static ProcessEngine start() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("mitan-process-tests");
        configuration.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("postgres");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setExpressionManager(new MockExpressionManager());
        List<ProcessEnginePlugin> plugins = new ArrayList<>();
        plugins.add(new SpinProcessEnginePlugin());
        configuration.setProcessEnginePlugins(plugins);
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
        ProcessEngine built = configuration.buildProcessEngine();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            built.close();
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is going away; nothing left to clean
            }
        }, "process-test-engine-stop"));
        return built;
    }
}
