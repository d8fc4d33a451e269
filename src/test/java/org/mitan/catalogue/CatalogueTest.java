package org.mitan.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Which types are on offer, from the deployed processes and their tables, read once per version. */
class CatalogueTest {

    private final RepositoryService repository = mock(RepositoryService.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final Catalogue catalogue = TestTypes.catalogue(repository, identity);
    private final List<ProcessDefinition> processes = new ArrayList<>();
    /** The latest service decision of each type by key. */
    private final Map<String, DecisionDefinition> tables = new LinkedHashMap<>();

    @BeforeEach
    void engine() {
        doAnswer(call -> {
            DecisionDefinitionQuery query = mock(DecisionDefinitionQuery.class, RETURNS_SELF);
            doAnswer(byKey -> {
                String key = byKey.getArgument(0);
                DecisionDefinitionQuery one = mock(DecisionDefinitionQuery.class, RETURNS_SELF);
                when(one.singleResult()).thenAnswer(result -> tables.get(key));
                return one;
            }).when(query).decisionDefinitionKey(anyString());
            when(query.list()).thenAnswer(result -> List.copyOf(tables.values()));
            return query;
        }).when(repository).createDecisionDefinitionQuery();
        doAnswer(call -> {
            ProcessDefinitionQuery query = mock(ProcessDefinitionQuery.class, RETURNS_SELF);
            when(query.list()).thenAnswer(result -> processes.stream().filter(p -> !p.isSuspended()).toList());
            doAnswer(byKey -> {
                String key = byKey.getArgument(0);
                ProcessDefinitionQuery one = mock(ProcessDefinitionQuery.class, RETURNS_SELF);
                when(one.singleResult()).thenAnswer(result -> processes.stream()
                        .filter(p -> p.getKey().equals(key)).findFirst().orElse(null));
                return one;
            }).when(query).processDefinitionKey(anyString());
            return query;
        }).when(repository).createProcessDefinitionQuery();
    }

    @Test
    void aDeployedProcessWithItsTablesIsATypeOnOffer() throws IOException {
        deployTables("birth-certificate", "1");
        deployProcess("birth-certificate", false);

        assertThat(catalogue.find("birth-certificate")).map(CertificateType::serviceName)
                .contains("Birth certificate");
        assertThat(catalogue.all()).extracting(CertificateType::key).containsExactly("birth-certificate");
    }

    @Test
    void tablesWithoutAProcessOrASuspendedProcessAreNotOnOfferButStillDescribeTheType() throws IOException {
        deployTables("birth-certificate", "1");
        deployTables("caste-certificate", "1");
        deployProcess("caste-certificate", true);

        assertThat(catalogue.find("birth-certificate")).isEmpty();
        assertThat(catalogue.find("caste-certificate")).isEmpty();
        assertThat(catalogue.all()).isEmpty();
        assertThat(catalogue.type("caste-certificate")).map(CertificateType::department)
                .contains("Revenue department (Tehsildar)");
    }

    @Test
    void aProcessWithoutTablesIsNoType() {
        deployProcess("doorstep-visit", false);

        assertThat(catalogue.find("doorstep-visit")).isEmpty();
        assertThat(catalogue.all()).isEmpty();
        assertThat(catalogue.find(null)).isEmpty();
        assertThat(catalogue.find(" ")).isEmpty();
    }

    @Test
    void theRolesAreThoseTheTypesStepsName() throws IOException {
        deployTables("birth-certificate", "1");
        deployTables("caste-certificate", "1");

        assertThat(catalogue.stepsByRole()).containsOnlyKeys("clerk", "registrar", "revenue-inspector",
                "supervisor", "tehsildar", "municipal-commissioner");
        assertThat(catalogue.stepsByRole().get("municipal-commissioner"))
                .containsExactly(new Names("Permit the late registration", "विलंबित पंजीकरण की अनुमति दें"));
        assertThat(catalogue.stepsByRole().get("revenue-inspector")).containsExactly(new Names(
                "Field inquiry by the Revenue Inspector (Patwari)", "राजस्व निरीक्षक (पटवारी) द्वारा स्थल जाँच"));
    }

    @Test
    void readsTheTablesOncePerVersionAndANewVersionAtOnce() throws IOException {
        deployTables("birth-certificate", "1");
        deployProcess("birth-certificate", false);
        catalogue.find("birth-certificate");
        catalogue.find("birth-certificate");
        catalogue.all();
        verify(repository, times(1)).getDmnModelInstance("birth-certificate-service:1");

        String renamed = Files.readString(Path.of("processes/birth-certificate.dmn"))
                .replace("\"Birth certificate\"", "\"Birth registration\"");
        DecisionDefinition newer = decision("birth-certificate-service:2");
        tables.put("birth-certificate-service", newer);
        when(repository.getDmnModelInstance("birth-certificate-service:2")).thenReturn(TypeTablesTest.parse(renamed));

        assertThat(catalogue.find("birth-certificate")).map(CertificateType::serviceName)
                .contains("Birth registration");
    }

    @Test
    void looksTheLatestVersionUpOncePerTransactionUntilItDeploys() throws IOException {
        deployTables("birth-certificate", "1");
        TransactionSynchronizationManager.initSynchronization();
        try {
            catalogue.type("birth-certificate");
            catalogue.require("birth-certificate");
            catalogue.type("birth-certificate");
            verify(repository, times(1)).createDecisionDefinitionQuery();

            tables.put("birth-certificate-service", decision("birth-certificate-service:2"));
            when(repository.getDmnModelInstance("birth-certificate-service:2")).thenReturn(TypeTablesTest.parse(
                    Files.readString(Path.of("processes/birth-certificate.dmn"))));
            assertThat(catalogue.type("birth-certificate")).isPresent();
            verify(repository, never()).getDmnModelInstance("birth-certificate-service:2");

            catalogue.forgetReads();
            catalogue.type("birth-certificate");
            verify(repository, times(2)).createDecisionDefinitionQuery();
            verify(repository, times(1)).getDmnModelInstance("birth-certificate-service:2");
        } finally {
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(synchronization -> synchronization.afterCompletion(0));
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
        catalogue.type("birth-certificate");
        catalogue.type("birth-certificate");
        verify(repository, times(4)).createDecisionDefinitionQuery();
    }

    /** A new process version deployed through another node may ask for a step its tables add, before they are seen. */
    @Test
    void aStepMissingFromTheRememberedTablesIsLookedForInTheTablesDeployedNow() throws IOException {
        AtomicLong now = new AtomicLong();
        Catalogue remembering = new Catalogue(new DeployedVersions(repository, identity, Duration.ofSeconds(2),
                now::get), repository, identity);
        deployTables("birth-certificate", "1");
        assertThat(remembering.type("birth-certificate").flatMap(type -> type.step("Task_NewStep"))).isEmpty();

        String withNewStep = Files.readString(Path.of("processes/birth-certificate.dmn"))
                .replace("Task_ScrutiniseDocuments", "Task_NewStep");
        tables.put("birth-certificate-service", decision("birth-certificate-service:2"));
        when(repository.getDmnModelInstance("birth-certificate-service:2"))
                .thenReturn(TypeTablesTest.parse(withNewStep));

        assertThat(remembering.type("birth-certificate").flatMap(type -> type.step("Task_NewStep")))
                .as("within the recheck time").isEmpty();
        assertThat(remembering.typeNow("birth-certificate").flatMap(type -> type.step("Task_NewStep"))).isPresent();
        assertThat(remembering.type("birth-certificate").flatMap(type -> type.step("Task_NewStep")))
                .as("remembered afresh").isPresent();
    }

    @Test
    void readsAsTheApplicationNotAsTheLoggedInUser() throws IOException {
        deployTables("birth-certificate", "1");
        deployProcess("birth-certificate", false);
        Authentication clerk = new Authentication("clerk1", List.of("clerk-RPR"));
        when(identity.getCurrentAuthentication()).thenReturn(clerk);

        assertThat(catalogue.find("birth-certificate")).isPresent();

        verify(identity).clearAuthentication();
        verify(identity).setAuthentication(clerk);
    }

    private void deployTables(String key, String version) throws IOException {
        DecisionDefinition decision = decision(key + "-service:" + version);
        when(decision.getKey()).thenReturn(key + "-service");
        tables.put(key + "-service", decision);
        when(repository.getDmnModelInstance(decision.getId())).thenReturn(TypeTablesTest.file(key));
    }

    private void deployProcess(String key, boolean suspended) {
        ProcessDefinition definition = mock(ProcessDefinition.class);
        when(definition.getKey()).thenReturn(key);
        when(definition.isSuspended()).thenReturn(suspended);
        processes.add(definition);
    }

    private static DecisionDefinition decision(String id) {
        DecisionDefinition decision = mock(DecisionDefinition.class);
        when(decision.getId()).thenReturn(id);
        return decision;
    }
}
