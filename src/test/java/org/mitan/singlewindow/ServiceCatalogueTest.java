package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultEntriesImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultImpl;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.dmn.DecisionsEvaluationBuilder;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceCatalogueTest {

    private final RepositoryService repository = mock(RepositoryService.class);
    private final DecisionService decisions = mock(DecisionService.class);
    private final DecisionDefinitionQuery query = mock(DecisionDefinitionQuery.class, RETURNS_SELF);
    private final DecisionsEvaluationBuilder evaluation = mock(DecisionsEvaluationBuilder.class, RETURNS_SELF);
    private final ServiceCatalogue catalogue = new ServiceCatalogue(repository, decisions);

    @BeforeEach
    void decisionDeployed() {
        when(repository.createDecisionDefinitionQuery()).thenReturn(query);
        DecisionDefinition first = definition("service-level:1:a");
        when(query.singleResult()).thenReturn(first);
        when(decisions.evaluateDecisionById("service-level:1:a")).thenReturn(evaluation);
        when(evaluation.variables(anyMap())).thenReturn(evaluation);
        when(evaluation.evaluate()).thenReturn(new DmnDecisionResultImpl(List.of(row(Map.of(
                "serviceName", "Birth certificate", "department", "Registrar of Births and Deaths",
                "holderParticular", "childName")))));
    }

    @Test
    void describesTheTypeFromItsDecisionRow() {
        ServiceCatalogue.ServiceDescription birth = catalogue.describe("birth-certificate");

        assertThat(birth.serviceName()).isEqualTo("Birth certificate");
        assertThat(birth.department()).isEqualTo("Registrar of Births and Deaths");
        assertThat(birth.holderParticular()).isEqualTo("childName");
        verify(query).decisionDefinitionKey("service-level");
        verify(evaluation).variables(Map.of("certificateType", "birth-certificate"));
    }

    @Test
    void evaluatesOncePerDeployedVersionOfTheDecision() {
        catalogue.describe("birth-certificate");
        catalogue.describe("birth-certificate");
        verify(evaluation, times(1)).evaluate();

        DecisionsEvaluationBuilder second = mock(DecisionsEvaluationBuilder.class, RETURNS_SELF);
        DecisionDefinition redeployed = definition("service-level:2:b");
        when(query.singleResult()).thenReturn(redeployed);
        when(decisions.evaluateDecisionById("service-level:2:b")).thenReturn(second);
        when(second.evaluate()).thenReturn(new DmnDecisionResultImpl(List.of(row(Map.of(
                "serviceName", "Birth registration certificate")))));

        assertThat(catalogue.describe("birth-certificate").serviceName()).isEqualTo("Birth registration certificate");
    }

    @Test
    void typeWithoutRowIsNamedByItsKey() {
        when(evaluation.evaluate()).thenReturn(new DmnDecisionResultImpl(List.of()));

        ServiceCatalogue.ServiceDescription unknown = catalogue.describe("caste-certificate");

        assertThat(unknown.serviceName()).isEqualTo("caste-certificate");
        assertThat(unknown.holderParticular()).isNull();
    }

    @Test
    void withoutTheDecisionTheTypeIsNamedByItsKey() {
        when(query.singleResult()).thenReturn(null);

        assertThat(catalogue.describe("birth-certificate").serviceName()).isEqualTo("birth-certificate");
    }

    @Test
    void engineFailureFallsBackToTheKey() {
        when(evaluation.evaluate()).thenThrow(new ProcessEngineException("FEEL error"));

        assertThat(catalogue.describe("birth-certificate").serviceName()).isEqualTo("birth-certificate");
    }

    private static DecisionDefinition definition(String id) {
        DecisionDefinition definition = mock(DecisionDefinition.class);
        when(definition.getId()).thenReturn(id);
        return definition;
    }

    private static DmnDecisionResultEntries row(Map<String, String> values) {
        DmnDecisionResultEntriesImpl row = new DmnDecisionResultEntriesImpl();
        values.forEach((name, value) -> row.putValue(name, Variables.stringValue(value)));
        return row;
    }
}
