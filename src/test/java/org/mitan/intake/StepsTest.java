package org.mitan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.TypeTables;
import org.mitan.request.Requests;

/**
 * Who works on a task and by when: the task's row of the request's type, at the request's body; never what the
 * variables say. On the deployed tables of the birth and caste certificates.
 */
class StepsTest {

    private final Requests requests = mock(Requests.class);
    private final Catalogue catalogue = mock(Catalogue.class);
    private final RepositoryService repository = mock(RepositoryService.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final Steps steps = new Steps(requests, catalogue, repository, identity);
    private final ServiceLevels legacy = new ServiceLevels(steps);
    /** What a clerk could have submitted with the scrutiny form. */
    private final Map<String, Object> variables = new HashMap<>(Map.of("certificateType", "caste-certificate",
            "bodyCode", "KRB", "officerDueDays", 99));
    private final DelegateExecution execution = Scopes.execution("RPR-2026-000007", variables);

    @BeforeEach
    void tables() throws IOException {
        when(catalogue.require("birth-certificate")).thenReturn(read("birth-certificate"));
        when(catalogue.require("caste-certificate")).thenReturn(read("caste-certificate"));
        when(requests.require("RPR-2026-000007")).thenReturn(Fixtures.request(7, "RPR-2026-000007"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T10:00:00Z")));
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void eachTaskGoesToItsStepsRoleAtTheRequestsBodyWhateverTheVariablesSay() {
        at("Task_ScrutiniseDocuments");
        assertThat(steps.group(execution)).isEqualTo("clerk-RPR");
        at("Task_DecideApplication");
        assertThat(steps.group(execution)).isEqualTo("registrar-RPR");
        at("Task_AssignMitanManually");
        assertThat(steps.group(execution)).isEqualTo("supervisor-RPR");
        assertThat(steps.supervisorGroup(execution)).isEqualTo("supervisor-RPR");
    }

    @Test
    void theVersionOneModelsQuestionsAreAnsweredByTheTasksStep() {
        at("Task_DecideApplication");
        assertThat(legacy.authorityGroup(execution)).isEqualTo("registrar-RPR");
        at("Task_ScrutiniseDocuments");
        assertThat(legacy.scrutinyGroup(execution)).isEqualTo("clerk-RPR");
        assertThat(legacy.group(execution, "inquiryGroup")).isEqualTo("clerk-RPR");
        assertThat(legacy.supervisorGroup(execution)).isEqualTo("supervisor-RPR");
    }

    @Test
    void aTaskIsDueAfterItsStepsDaysAndRemindsThenAsWell() {
        at("Task_ScrutiniseDocuments");

        assertThat(steps.dueDate(execution)).isEqualTo(Date.from(Instant.parse("2026-12-03T10:00:00Z")));
        assertThat(steps.reminder(execution)).isEqualTo("P2D");
        assertThat(steps.reminder(execution, "Task_VisitCitizen")).isEqualTo("P2D");
    }

    @Test
    void aStepWithoutARowOrWithoutARoleIsAConfigurationFaultNamingIt() {
        at("Task_FieldInquiry");
        assertThatThrownBy(() -> steps.group(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Task_FieldInquiry").hasMessageContaining("birth-certificate.dmn");
        at("Task_VisitCitizen");
        assertThatThrownBy(() -> steps.group(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names no role for task Task_VisitCitizen");
    }

    @Test
    void theLegalTimeLimitIsThatOfTheCertificateProcessItselfBeforeAnyRequestRowExists() {
        ProcessDefinition caste = mock(ProcessDefinition.class);
        when(caste.getKey()).thenReturn("caste-certificate");
        when(repository.getProcessDefinition("caste-certificate:1:abc")).thenReturn(caste);
        when(execution.getProcessDefinitionId()).thenReturn("caste-certificate:1:abc");
        when(execution.getProcessBusinessKey()).thenReturn(null);

        assertThat(steps.legalTimeLimit(execution)).isEqualTo("P30D");
        assertThat(legacy.legalDueDays(execution)).isEqualTo(30);
        verifyNoInteractions(requests);
    }

    @Test
    void visitsBeforeClosingComeFromTheType() {
        assertThat(steps.maxVisits(execution)).isEqualTo(3);
    }

    @Test
    void withoutABusinessKeyNoGroupIsGiven() {
        when(execution.getProcessBusinessKey()).thenReturn(null);
        at("Task_DecideApplication");

        assertThatThrownBy(() -> steps.group(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("business key");
        verifyNoInteractions(catalogue);
    }

    private void at(String taskId) {
        when(execution.getCurrentActivityId()).thenReturn(taskId);
    }

    private static CertificateType read(String key) throws IOException {
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("processes", key + ".dmn"))) {
            return TypeTables.read(Dmn.readModelFromStream(in), key);
        }
    }
}
