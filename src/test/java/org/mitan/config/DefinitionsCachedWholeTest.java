package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.JobDeclaration;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DefaultCacheFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.commons.utils.cache.Cache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two engines on one PostgreSQL, as two nodes: the first deploys, the second reads the definition back into its
 * cache. A cache that looks at every definition put into it tells what another thread of the second node could
 * find there at that moment.
 */
class DefinitionsCachedWholeTest {

    private static final String KEY = "cached-whole";

    private static EmbeddedPostgres postgres;
    private static ProcessEngine deploying;

    @BeforeAll
    static void deploy() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
        deploying = engine("deploying-node", new ObservedCaches(), new DefinitionsCachedWhole());
        deploying.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model()).deploy();
    }

    @AfterAll
    static void stop() throws IOException {
        if (deploying != null) {
            deploying.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDefinitionReadBackIntoTheCacheIsThereOnlyWithTheIdsOfItsJobDefinitions() {
        ObservedCaches caches = new ObservedCaches();
        ProcessEngine other = engine("other-node", caches, new DefinitionsCachedWhole());
        try {
            String instance = other.getRuntimeService().startProcessInstanceByKey(KEY).getId();

            assertThat(caches.definitionsPut).containsExactly(KEY);
            assertThat(caches.declarationsWithoutDefinition).isEmpty();
            Job step = other.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
            assertThat(step.getProcessDefinitionId()).isNotNull();
            assertThat(step.getJobDefinitionId()).isNotNull();
        } finally {
            other.close();
        }
    }

    @Test
    void theEngineItselfPutsTheDefinitionInBeforeTheIds() {
        // Without the plugin: what the plugin is for. Should an engine version fix its order, this fails, and the
        // plugin can go.
        ObservedCaches caches = new ObservedCaches();
        ProcessEngine other = engine("other-node-as-shipped", caches);
        try {
            other.getRuntimeService().startProcessInstanceByKey(KEY);

            assertThat(caches.definitionsPut).containsExactly(KEY);
            assertThat(caches.declarationsWithoutDefinition).containsExactlyInAnyOrder("wait", "timeout", "file");
        } finally {
            other.close();
        }
    }

    @Test
    void aDeploymentBeingMadeStillGetsItsJobDefinitions() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) deploying.getProcessEngineConfiguration();
        String id = deploying.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .singleResult().getId();

        assertThat(deploying.getManagementService().createJobDefinitionQuery().processDefinitionId(id).count())
                .isEqualTo(3);
        assertThat(configuration.getDeployers())
                .hasAtLeastOneElementOfType(DefinitionsCachedWhole.WholeBeforeCached.class);
    }

    /** A task with a timer on it, and an asynchronous step after it: three job declarations. */
    private static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("wait").camundaAsyncBefore()
                .boundaryEvent("timeout").timerWithDuration("PT1H").endEvent()
                .moveToActivity("wait")
                .serviceTask("file").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent()
                .done();
    }

    private static ProcessEngine engine(String name, CacheFactory caches, ProcessEnginePlugin... plugins) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("postgres");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setCacheFactory(caches);
        configuration.setProcessEnginePlugins(List.of(plugins));
        return configuration.buildProcessEngine();
    }

    /** The engine's caches; each process definition put in is looked at as another thread would find it. */
    static class ObservedCaches implements CacheFactory {

        final List<String> definitionsPut = new ArrayList<>();
        final List<String> declarationsWithoutDefinition = new ArrayList<>();
        private final CacheFactory engines = new DefaultCacheFactory();

        @Override
        public <T> Cache<String, T> createCache(int maxNumberOfElementsInCache) {
            Cache<String, T> cache = engines.createCache(maxNumberOfElementsInCache);
            return new Cache<>() {
                @Override
                public T get(String key) {
                    return cache.get(key);
                }

                @Override
                public void put(String key, T value) {
                    cache.put(key, value);
                    if (value instanceof ProcessDefinitionEntity definition) {
                        definitionsPut.add(definition.getKey());
                        for (JobDeclaration<?, ?> declaration : declarations(definition)) {
                            if (declaration.getJobDefinitionId() == null) {
                                declarationsWithoutDefinition.add(declaration.getActivityId());
                            }
                        }
                    }
                }

                @Override
                public void clear() {
                    cache.clear();
                }

                @Override
                public void remove(String key) {
                    cache.remove(key);
                }

                @Override
                public Set<String> keySet() {
                    return cache.keySet();
                }

                @Override
                public int size() {
                    return cache.size();
                }

                @Override
                public boolean isEmpty() {
                    return cache.isEmpty();
                }
            };
        }

        /** The asynchronous steps and timers of a scope and of the scopes within it. */
        private static List<JobDeclaration<?, ?>> declarations(ScopeImpl scope) {
            List<JobDeclaration<?, ?>> found = new ArrayList<>();
            Map<String, ? extends JobDeclaration<?, ?>> timers =
                    scope.getProperties().get(BpmnProperties.TIMER_DECLARATIONS);
            if (timers != null) {
                found.addAll(timers.values());
            }
            Object steps = scope.getProperty(BpmnParse.PROPERTYNAME_MESSAGE_JOB_DECLARATION);
            if (steps instanceof Collection<?> stepDeclarations) {
                stepDeclarations.forEach(step -> found.add((JobDeclaration<?, ?>) step));
            }
            scope.getActivities().forEach(activity -> found.addAll(declarations(activity)));
            return found;
        }
    }
}
