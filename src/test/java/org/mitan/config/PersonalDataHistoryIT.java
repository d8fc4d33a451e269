package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.mitan.MitanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * With history level FULL, the citizen's personal data and the delivery OTP pass through process variables but
 * never reach the engine's history tables, while other variables are recorded as before.
 */
@MitanIntegrationTest
class PersonalDataHistoryIT {

    private static final List<String> PERSONAL = List.of("citizenName", "citizenPhone", "address", "deliveryOtp",
            "particular_childName", "particular_dateOfBirth");

    @Autowired
    TestRestTemplate http;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    FormService forms;
    @Autowired
    TaskService tasks;

    @Test
    void aRequestStartedFromTheStartFormLeavesNoPersonalDataInHistory() {
        ResponseEntity<JsonNode> started = http.withBasicAuth("callcentre", "demo").postForEntity(
                "/engine-rest/process-definition/key/birth-certificate/submit-form", Map.of("variables", Map.of(
                        "bodyCode", Map.of("value", "RPR"), "ward", Map.of("value", 12),
                        "citizenName", Map.of("value", "Sarita Netam"),
                        "citizenPhone", Map.of("value", DemoRequests.freshPhone()),
                        "address", Map.of("value", "Near Budhapara Lake, Raipur"),
                        "preferredVisitWindow", Map.of("value", "EVENING"),
                        "language", Map.of("value", "hi"))), JsonNode.class);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        String instanceId = started.getBody().path("id").asText();

        assertThat(variableNames(instanceId)).contains("ward", "preferredVisitWindow", "requestNumber")
                .doesNotContainAnyElementsOf(PERSONAL);
        assertThat(detailNames(instanceId)).contains("ward", "preferredVisitWindow")
                .doesNotContainAnyElementsOf(PERSONAL);
    }

    @Test
    void particularsAndTheOtpSubmittedWithATaskLeaveNoTrace() {
        String key = "history-privacy-test";
        String deploymentId = repository.createDeployment().addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_Collect").endEvent().done()).deploy().getId();
        try {
            ProcessInstance instance = forms.submitStartForm(
                    repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult().getId(),
                    Map.of("citizenName", "Sarita Netam", "language", "hi"));
            String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
            forms.submitTaskForm(taskId, Map.of("particular_childName", "Ira Netam",
                    "particular_dateOfBirth", "2026-04-20", "deliveryOtp", "042137", "visitOutcome", "collected"));

            assertThat(variableNames(instance.getId())).contains("language", "visitOutcome")
                    .doesNotContainAnyElementsOf(PERSONAL);
            assertThat(detailNames(instance.getId())).contains("language", "visitOutcome")
                    .doesNotContainAnyElementsOf(PERSONAL);
        } finally {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    private List<String> variableNames(String instanceId) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list().stream()
                .map(HistoricVariableInstance::getName).toList();
    }

    /** Names in ACT_HI_DETAIL: variable updates and submitted form fields. */
    private List<String> detailNames(String instanceId) {
        return history.createHistoricDetailQuery().processInstanceId(instanceId).list().stream()
                .map(PersonalDataHistoryIT::nameOf).toList();
    }

    private static String nameOf(HistoricDetail detail) {
        if (detail instanceof HistoricVariableUpdate update) {
            return update.getVariableName();
        }
        return ((HistoricFormField) detail).getFieldId();
    }
}
