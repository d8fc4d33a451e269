package org.mitan.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.junit5.common.ProcessEngineCoverageExtensionBuilder;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * One process engine on one embedded PostgreSQL for every engine-only process test in the JVM: no Spring, the
 * job executor off, full history, JSON serialisation as in the app, and {@code Mocks} in place of the Spring beans
 * that the models name. Built on first use from {@value #CONFIGURATION} (which asks {@link #configuration()} for
 * it) and kept by Camunda's test helper under that name, so the coverage extensions, which look an engine up by its
 * configuration resource, get this one; a shutdown hook of our own closes the engine before the database.
 */
final class ProcessTestEngine {

    /** Share of a model's flow nodes and sequence flows that the tests of its process test class pass through. */
    static final double MINIMUM_COVERAGE = 0.9;

    /**
     * Lowers the threshold for a run of single test methods, which cannot cover a whole model:
     * {@code ./mvnw test -Dtest='SomeProcessTest#oneTest' -Dprocess-coverage.minimum=0}. Builds and CI never set it.
     */
    static final String MINIMUM_COVERAGE_PROPERTY = "process-coverage.minimum";

    static final String CONFIGURATION = "mitan-process-engine.cfg.xml";

    private static final Map<ProcessEngineCoverageExtension, Optional<String>> MEASURED =
            Collections.synchronizedMap(new IdentityHashMap<>());

    private ProcessTestEngine() {
    }

    static synchronized ProcessEngine get() {
        return TestHelper.getProcessEngine(CONFIGURATION);
    }

    /**
     * The coverage extension of a test class that measures one model of {@code processes/}: the class fails when
     * its tests pass through less than {@link #MINIMUM_COVERAGE} of the model's flow nodes and sequence flows. The
     * other models it deploys (the shared steps it calls) are left out of its figure: their own test classes measure
     * them. Reports land in target/process-test-coverage. {@code ModelCoverageTest} checks that every model of
     * {@code processes/} is measured by some test class.
     */
    static ProcessEngineCoverageExtension coverage(String model) {
        List<String> models = modelKeys();
        if (!models.contains(model)) {
            throw new IllegalArgumentException("processes/" + model + ".bpmn does not exist (models: " + models + ")");
        }
        String[] others = models.stream().filter(key -> !key.equals(model)).toArray(String[]::new);
        return measuring(ProcessEngineCoverageExtension.builder(CONFIGURATION).excludeProcessDefinitionKeys(others),
                model);
    }

    /**
     * The coverage extension of a test class that deploys a single model of {@code processes/}: as
     * {@link #coverage(String)}, for everything the class runs. A class that deploys several models must say which
     * one it measures.
     */
    static ProcessEngineCoverageExtension coverage() {
        return measuring(ProcessEngineCoverageExtension.builder(CONFIGURATION), null);
    }

    /**
     * The coverage extension of a test class that runs other versions than today's models (the version 1.0.0
     * models of running requests): the engine records coverage, nothing is asserted for it.
     */
    static ProcessEngineCoverageExtension unmeasured() {
        ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(CONFIGURATION).build();
        MEASURED.put(extension, Optional.of(NO_MODEL));
        return extension;
    }

    /** What {@link #measuredModel} says of an extension made by {@link #unmeasured()}: no model of processes/. */
    static final String NO_MODEL = "";

    /** Which model an extension made here measures; empty for {@link #coverage()}; null if not made here. */
    static Optional<String> measuredModel(ProcessEngineCoverageExtension extension) {
        return MEASURED.get(extension);
    }

    /** The process keys of the models in {@code processes/}: their file names, as the conventions require. */
    static List<String> modelKeys() {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".bpmn"))
                    .map(name -> name.substring(0, name.length() - ".bpmn".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("processes/ not found: run the tests from the project's root folder", e);
        }
    }

    private static ProcessEngineCoverageExtension measuring(
            ProcessEngineCoverageExtensionBuilder<ProcessEngineCoverageExtension> builder, String model) {
        double minimum = Double.parseDouble(System.getProperty(MINIMUM_COVERAGE_PROPERTY,
                String.valueOf(MINIMUM_COVERAGE)));
        ProcessEngineCoverageExtension extension = builder.assertClassCoverageAtLeast(minimum).build();
        MEASURED.put(extension, Optional.ofNullable(model));
        return extension;
    }

    /** The engine's configuration, named as the bean {@code processEngineConfiguration} of {@value #CONFIGURATION}. */
    static ProcessEngineConfigurationImpl configuration() {
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (configuration.getProcessEngine() != null) {
                configuration.getProcessEngine().close();
            }
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is going away; nothing left to clean
            }
        }, "process-test-engine-stop"));
        return configuration;
    }
}
