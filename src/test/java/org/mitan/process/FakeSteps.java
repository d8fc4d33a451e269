package org.mitan.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.Step;
import org.mitan.catalogue.TypeTables;

/**
 * Stands in for the {@code steps} bean: answers from the type tables deployed with the models, for the certificate
 * type of the request named by the process instance's business key (the tests say which requests exist and of what
 * type, as the request rows would), and the task the execution is at. Groups are the plain roles, as the tests know
 * no urban bodies. A business key it does not know fails, so a model that loses the business key on the way to a
 * task cannot pass.
 */
public class FakeSteps {

    private final Map<String, String> typeByRequest = new HashMap<>();
    private final List<String> asked = new ArrayList<>();

    void request(String requestNumber, String certificateType) {
        typeByRequest.put(requestNumber, certificateType);
    }

    public String group(DelegateExecution execution) {
        Step step = step(execution, execution.getCurrentActivityId());
        if (!step.hasRole()) {
            throw new IllegalStateException("No role for " + step.id());
        }
        return step.role();
    }

    public String supervisorGroup(DelegateExecution execution) {
        typeOfRequest(execution);
        return "supervisor";
    }

    public Date dueDate(DelegateExecution execution) {
        int days = step(execution, execution.getCurrentActivityId()).dueDays();
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days)));
    }

    public String reminder(DelegateExecution execution) {
        return "P" + step(execution, execution.getCurrentActivityId()).dueDays() + "D";
    }

    public String reminder(DelegateExecution execution, String taskId) {
        return "P" + step(execution, taskId).dueDays() + "D";
    }

    /** As the real bean: the type is the key of the certificate process itself, known before any request row. */
    public String legalTimeLimit(DelegateExecution execution) {
        String processKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        return "P" + tables(execution, processKey).legalDueDays() + "D";
    }

    public int maxVisits(DelegateExecution execution) {
        return tables(execution, typeOfRequest(execution)).maxVisits();
    }

    /** The business keys asked about, in order. */
    List<String> asked() {
        return asked;
    }

    private Step step(DelegateExecution execution, String taskId) {
        String type = typeOfRequest(execution);
        return tables(execution, type).step(taskId)
                .orElseThrow(() -> new IllegalStateException("No row for " + taskId + " in the tables of " + type));
    }

    private String typeOfRequest(DelegateExecution execution) {
        String requestNumber = execution.getProcessBusinessKey();
        asked.add(requestNumber);
        String type = typeByRequest.get(requestNumber);
        if (type == null) {
            throw new IllegalStateException("No request " + requestNumber + " (the business key) in this test");
        }
        return type;
    }

    private static CertificateType tables(DelegateExecution execution, String type) {
        RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(TypeTables.serviceDecision(type)).latestVersion().singleResult();
        return TypeTables.read(repository.getDmnModelInstance(latest.getId()), type);
    }
}
