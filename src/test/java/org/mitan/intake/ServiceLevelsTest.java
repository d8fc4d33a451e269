package org.mitan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.dmn.DecisionsEvaluationBuilder;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The lookups the models use for candidate groups and the legal time limit, on the real service-level table. */
class ServiceLevelsTest {

    static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    static DmnDecision serviceLevel;

    private final Requests requests = mock(Requests.class);
    private final DecisionService decisions = mock(DecisionService.class);
    private final RepositoryService repository = mock(RepositoryService.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final ServiceLevels serviceLevels = new ServiceLevels(requests, decisions, repository, identity);
    private final ServiceRequest request = Fixtures.request(7, "RPR-2026-000007");
    /** What a clerk could have submitted with the scrutiny form. */
    private final Map<String, Object> variables = new HashMap<>(Map.of("requestNumber", "RPR-2026-000008",
            "certificateType", "a-type-with-fewer-documents", "scrutinyGroup", "mitan", "authorityGroup", "clerk"));
    private final DelegateExecution execution = Scopes.execution("RPR-2026-000007", variables);
    private final Map<String, Object> evaluatedWith = new HashMap<>();

    @BeforeAll
    static void readTheTable() throws IOException {
        try (InputStream table = ServiceLevelsTest.class.getResourceAsStream("/processes/service-level.dmn")) {
            serviceLevel = DMN.parseDecision("service-level", table);
        }
    }

    @BeforeEach
    void theDeployedTable() {
        DecisionsEvaluationBuilder evaluation = mock(DecisionsEvaluationBuilder.class);
        when(decisions.evaluateDecisionByKey("service-level")).thenReturn(evaluation);
        when(evaluation.variables(anyMap())).thenAnswer(call -> {
            evaluatedWith.clear();
            evaluatedWith.putAll(call.<Map<String, Object>>getArgument(0));
            return evaluation;
        });
        when(evaluation.evaluate()).thenAnswer(call -> DMN.evaluateDecision(serviceLevel, evaluatedWith));
        when(requests.require("RPR-2026-000007")).thenReturn(request);
    }

    @Test
    void theGroupsAreThoseOfTheRequestRowsTypeWhateverTheVariablesSay() {
        assertThat(serviceLevels.scrutinyGroup(execution)).isEqualTo("clerk-RPR");
        assertThat(serviceLevels.authorityGroup(execution)).isEqualTo("registrar-RPR");
        assertThat(serviceLevels.supervisorGroup(execution)).isEqualTo("supervisor-RPR");

        assertThat(evaluatedWith).containsEntry("certificateType", "birth-certificate").containsEntry("bodyCode", "RPR");
    }

    @Test
    void anyGroupColumnOfTheTableIsLookedUpForTheRequestRowsType() {
        when(requests.require("RPR-2026-000007")).thenReturn(casteRequest());
        variables.put("inquiryGroup", "mitan");

        assertThat(serviceLevels.group(execution, "inquiryGroup")).isEqualTo("revenue-inspector-RPR");
        assertThat(serviceLevels.group(execution, "scrutinyGroup")).isEqualTo("clerk-RPR");
        assertThat(serviceLevels.group(execution, "authorityGroup")).isEqualTo("tehsildar-RPR");
        assertThat(serviceLevels.authorityGroup(execution)).isEqualTo("tehsildar-RPR");

        assertThat(evaluatedWith).containsEntry("certificateType", "caste-certificate");
    }

    @Test
    void aTypeWhoseRowLeavesTheGroupColumnEmptyHasNoSuchStep() {
        assertThatThrownBy(() -> serviceLevels.group(execution, "inquiryGroup"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inquiryGroup").hasMessageContaining("'birth-certificate'");
    }

    @Test
    void aColumnThatDoesNotNameAGroupCannotBeAskedFor() {
        when(requests.require("RPR-2026-000007")).thenReturn(casteRequest());

        for (String column : new String[] {"department", "officerDueDays", "Group", "", null}) {
            assertThatThrownBy(() -> serviceLevels.group(execution, column)).as("column %s", column)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Group");
        }
        verifyNoInteractions(decisions);
    }

    @Test
    void aGroupColumnTheTableDoesNotHaveIsAConfigurationFaultNamingIt() {
        when(requests.require("RPR-2026-000007")).thenReturn(casteRequest());

        assertThatThrownBy(() -> serviceLevels.group(execution, "appealGroup"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("appealGroup").hasMessageContaining("'caste-certificate'");
    }

    @Test
    void theTableIsAskedAsTheApplicationNotAsTheOfficerWhoCompletedTheLastTask() {
        Authentication clerk = new Authentication("clerk.raipur", List.of("clerk"));
        when(identity.getCurrentAuthentication()).thenReturn(clerk);

        assertThat(serviceLevels.authorityGroup(execution)).isEqualTo("registrar-RPR");

        InOrder order = inOrder(identity, decisions);
        order.verify(identity).clearAuthentication();
        order.verify(decisions).evaluateDecisionByKey("service-level");
        order.verify(identity).setAuthentication(clerk);
    }

    @Test
    void theLegalTimeLimitIsThatOfTheCertificateProcessItselfBeforeAnyRequestRowExists() {
        ProcessDefinition birth = mock(ProcessDefinition.class);
        when(birth.getKey()).thenReturn("birth-certificate");
        when(repository.getProcessDefinition("birth-certificate:3:abc")).thenReturn(birth);
        when(execution.getProcessDefinitionId()).thenReturn("birth-certificate:3:abc");
        when(execution.getProcessBusinessKey()).thenReturn(null);

        assertThat(serviceLevels.legalDueDays(execution)).isEqualTo(7);

        assertThat(evaluatedWith).containsOnly(Map.entry("certificateType", "birth-certificate"));
        verifyNoInteractions(requests);
    }

    @Test
    void aTypeWithoutARowInTheTableIsAConfigurationFaultNamingTheType() {
        when(requests.require("RPR-2026-000007")).thenReturn(new ServiceRequest("RPR-2026-000007", "passport", "RPR",
                12, "Asha Verma", "9876543210", "12 Station Road", VisitWindow.MORNING, "hi", "code", Fixtures.NOW));

        assertThatThrownBy(() -> serviceLevels.scrutinyGroup(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'passport'").hasMessageContaining("service-level");
    }

    @Test
    void theLegalTimeLimitOfACasteCertificateIsThirtyDays() {
        ProcessDefinition caste = mock(ProcessDefinition.class);
        when(caste.getKey()).thenReturn("caste-certificate");
        when(repository.getProcessDefinition("caste-certificate:1:abc")).thenReturn(caste);
        when(execution.getProcessDefinitionId()).thenReturn("caste-certificate:1:abc");

        assertThat(serviceLevels.legalDueDays(execution)).isEqualTo(30);
    }

    @Test
    void withoutABusinessKeyNoGroupIsGiven() {
        when(execution.getProcessBusinessKey()).thenReturn(null);

        assertThatThrownBy(() -> serviceLevels.authorityGroup(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("business key");
        verifyNoInteractions(decisions);
    }

    private static ServiceRequest casteRequest() {
        return new ServiceRequest("RPR-2026-000007", "caste-certificate", "RPR", 12, "Asha Verma", "9876543210",
                "12 Station Road", VisitWindow.MORNING, "hi", "code", Fixtures.NOW);
    }
}
